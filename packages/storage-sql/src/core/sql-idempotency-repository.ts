import {
  ConflictError,
  type IdempotencyRecord,
  type IdempotencyRepository,
  type IdempotencyScope,
  type JsonValue,
  RetailKitError,
} from '@retailkit/core';
import { insertIfAbsent } from '../sql/insert-if-absent.js';
import type { SqlContext } from '../sql/sql-context.js';

// Chain-wide keys (no store) are stored under '' so the key columns can be the primary key.
const storeKey = (storeId: string | null) => storeId ?? '';

/** Idempotency records in `idempotency_keys`, keyed by (store, command, key). */
export class SqlIdempotencyRepository implements IdempotencyRepository {
  readonly #context: SqlContext;

  /** The repository bound to one transaction. */
  constructor(context: SqlContext) {
    this.#context = context;
  }

  async find(scope: IdempotencyScope): Promise<IdempotencyRecord | undefined> {
    const { db, values } = this.#context;
    const row = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('store_id', '=', storeKey(scope.storeId))
      .where('command', '=', scope.command)
      .where('key', '=', scope.key)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      storeId: row.store_id === '' ? null : row.store_id,
      command: row.command,
      key: row.key,
      requestHash: row.request_hash,
      result: row.result === null ? null : values.readJson<JsonValue>(row.result),
      actorId: row.actor_id,
      createdAt: new Date(values.readInstant(row.created_at)),
    };
  }

  async claim(record: Omit<IdempotencyRecord, 'result'>): Promise<void> {
    const { values } = this.#context;
    const inserted = await insertIfAbsent(this.#context, 'idempotency_keys', {
      store_id: storeKey(record.storeId),
      command: record.command,
      key: record.key,
      request_hash: record.requestHash,
      result: null,
      actor_id: record.actorId,
      created_at: values.instant(record.createdAt.toISOString()),
    });
    if (!inserted) {
      throw new ConflictError(`Idempotency key ${JSON.stringify(record.key)} is already claimed`, {
        retryable: true,
        details: { storeId: record.storeId, command: record.command, key: record.key },
      });
    }
  }

  async complete(scope: IdempotencyScope, result: JsonValue): Promise<void> {
    const { db, values } = this.#context;
    const updated = await db
      .updateTable('idempotency_keys')
      .set({ result: values.json(result) })
      .where('store_id', '=', storeKey(scope.storeId))
      .where('command', '=', scope.command)
      .where('key', '=', scope.key)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      throw new RetailKitError(
        'INTERNAL',
        `Idempotency key ${JSON.stringify(scope.key)} was not claimed in this transaction`,
      );
    }
  }

  async purge(createdBefore: Date): Promise<number> {
    const { db, values } = this.#context;
    const result = await db
      .deleteFrom('idempotency_keys')
      .where('created_at', '<', values.instant(createdBefore.toISOString()))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
