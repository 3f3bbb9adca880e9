import {
  ConflictError,
  type IdempotencyRecord,
  type IdempotencyRepository,
  type IdempotencyScope,
  RetailKitError,
} from '@retailkit/core';
import type { MemoryTable } from '../transaction/memory-table.js';
import type { MemoryTransaction } from '../transaction/memory-transaction.js';

const keyOf = (scope: IdempotencyScope) => `${scope.storeId ?? ''}\u0000${scope.command}\u0000${scope.key}`;

/** The idempotency repository over an in-memory table, bound to one transaction. */
export function memoryIdempotencyRepository(
  table: MemoryTable<string, IdempotencyRecord>,
  tx: MemoryTransaction,
): IdempotencyRepository {
  return {
    async find(scope) {
      return table.get(tx, keyOf(scope));
    },
    async claim(record) {
      const key = keyOf(record);
      if (table.has(tx, key)) {
        throw new ConflictError(`Idempotency key ${JSON.stringify(record.key)} is already claimed`, {
          details: { storeId: record.storeId, command: record.command, key: record.key },
        });
      }
      table.set(tx, key, { ...record, result: null });
    },
    async complete(scope, result) {
      const key = keyOf(scope);
      const record = table.get(tx, key);
      if (!record)
        throw new RetailKitError(
          'INTERNAL',
          `Idempotency key ${JSON.stringify(scope.key)} was not claimed in this transaction`,
        );
      table.set(tx, key, { ...record, result });
    },
    async purge(createdBefore) {
      const expired = table.entries(tx).filter(([, record]) => record.createdAt < createdBefore);
      for (const [key] of expired) table.delete(tx, key);
      return expired.length;
    },
  };
}
