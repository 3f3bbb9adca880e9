import { ConflictError, type IdempotencyRecord, type IdempotencyRepository } from '@retailkit/core';
import type { MemoryTable } from '../transaction/memory-table.js';
import type { MemoryTransaction } from '../transaction/memory-transaction.js';

/** The idempotency repository over an in-memory table, bound to one transaction. */
export function memoryIdempotencyRepository(
  table: MemoryTable<string, IdempotencyRecord>,
  tx: MemoryTransaction,
): IdempotencyRepository {
  const keyOf = (command: string, key: string) => `${command}\u0000${key}`;
  return {
    async find(command, key) {
      return table.get(tx, keyOf(command, key));
    },
    async insert(record) {
      const key = keyOf(record.command, record.key);
      if (table.has(tx, key)) {
        throw new ConflictError(`Idempotency key ${JSON.stringify(record.key)} is already stored`, {
          details: { command: record.command, key: record.key },
        });
      }
      table.set(tx, key, record);
    },
  };
}
