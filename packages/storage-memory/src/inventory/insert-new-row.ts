import { ConflictError } from '@retailkit/core';
import type { MemoryTable } from '../transaction/memory-table.js';
import type { MemoryTransaction } from '../transaction/memory-transaction.js';

/**
 * Inserts `row` under `key`, or throws a ConflictError that is not retryable when a row already
 * exists there (running the command again would hit the same row).
 */
export function insertNewRow<V>(
  tx: MemoryTransaction,
  table: MemoryTable<string, V>,
  entity: string,
  key: string,
  row: V,
): void {
  if (table.has(tx, key)) {
    throw new ConflictError(`${entity} ${JSON.stringify(key)} already exists`, {
      retryable: false,
      details: { entity, id: key },
    });
  }
  table.set(tx, key, row);
}
