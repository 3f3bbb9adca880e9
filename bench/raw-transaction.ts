import type { PGliteLike } from '@retailkit/storage-sql';
import type pg from 'pg';

/** Sends one statement with positional parameters. */
export type RawQuery = (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/** Runs one hand-written transaction of a baseline: `fn` sends its statements through `query`. */
export type RawTransaction = <T>(fn: (query: RawQuery) => Promise<T>) => Promise<T>;

/** Raw READ COMMITTED transactions on a connection of `pool`, as the kit's writes run. */
export function pgRawTransaction(pool: pg.Pool): RawTransaction {
  return async (fn) => {
    const client = await pool.connect();
    try {
      await client.query('begin isolation level read committed');
      const result = await fn((text, params) => client.query(text, params));
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  };
}

/** Raw transactions on an embedded PGlite (one connection: they run one after another). */
export function pgliteRawTransaction(pglite: PGliteLike): RawTransaction {
  return (fn) =>
    pglite.transaction((tx) =>
      fn(async (text, params) => {
        const { rows } = await tx.query<Record<string, unknown>>(text, params);
        return { rows };
      }),
    );
}
