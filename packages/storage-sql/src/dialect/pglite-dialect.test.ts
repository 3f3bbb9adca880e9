import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGliteDialect } from './pglite-dialect.js';

/** A promise and the function that settles it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('PGliteDialect', () => {
  let pglite: PGlite;
  beforeAll(async () => {
    pglite = await PGlite.create();
    await pglite.query('create table mine (n integer)');
  }, 60_000); // Starting PGlite (WebAssembly) takes seconds, more on a busy machine.
  afterAll(async () => {
    await pglite.close();
  });

  it('keeps direct use of a shared PGlite instance out of an open transaction', async () => {
    const db = new Kysely<{ mine: { n: number } }>({
      dialect: new PGliteDialect({ pglite, closeOnDestroy: false }),
    });
    const inside = gate();
    const release = gate();
    const failed = db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('mine').values({ n: 1 }).execute();
        inside.open();
        await release.opened;
        throw new Error('roll back');
      })
      .catch((error: unknown) => error);
    await inside.opened;
    // The application's own statement on the same instance, while the transaction is open.
    const direct = pglite.query('insert into mine (n) values (2)');
    release.open();
    expect(await failed).toHaveProperty('message', 'roll back');
    await direct;
    const { rows } = await pglite.query<{ n: number }>('select n from mine order by n');
    expect(rows).toEqual([{ n: 2 }]);
    await db.destroy();
  });
  it('applies the isolation level and access mode, and frees the instance after a failed transaction', async () => {
    const db = new Kysely<{ mine: { n: number } }>({
      dialect: new PGliteDialect({ pglite, closeOnDestroy: false }),
    });
    const level = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute((trx) => sql<{ transaction_isolation: string }>`show transaction_isolation`.execute(trx));
    expect(level.rows).toEqual([{ transaction_isolation: 'repeatable read' }]);
    const refused = await db
      .transaction()
      .setAccessMode('read only')
      .execute((trx) => trx.insertInto('mine').values({ n: 3 }).execute())
      .catch((error: unknown) => error);
    expect(refused).toHaveProperty('code', '25006');
    // Neither the dialect nor a direct caller is left waiting on the instance.
    await db.insertInto('mine').values({ n: 4 }).execute();
    expect((await pglite.query('select count(*)::int as c from mine where n = 4')).rows).toEqual([{ c: 1 }]);
    await db.destroy();
  });
});
