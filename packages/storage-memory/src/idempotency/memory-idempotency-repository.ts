import {
  ConflictError,
  type IdempotencyRecord,
  type IdempotencyRepository,
  type IdempotencyScope,
  RetailKitError,
} from '@retailkit/core';
import type { MemoryTable } from '../transaction/memory-table.js';
import type { MemoryTransaction } from '../transaction/memory-transaction.js';

const keyFor = (storeId: string | null, command: string, key: string) =>
  `${storeId ?? ''}\u0000${command}\u0000${key}`;

/**
 * keyFor, remembering the last scope: the runner finds, claims and completes one key per command,
 * and building the key once means one string to hash instead of three.
 */
function rememberingKeyFor(): (scope: IdempotencyScope) => string {
  let remembered = false;
  let storeId: string | null = null;
  let command = '';
  let key = '';
  let lastKey = '';
  return (scope) => {
    if (!remembered || scope.storeId !== storeId || scope.command !== command || scope.key !== key) {
      ({ storeId, command, key } = scope);
      lastKey = keyFor(storeId, command, key);
      remembered = true;
    }
    return lastKey;
  };
}

/** The idempotency repository over an in-memory table, bound to one transaction. */
export function memoryIdempotencyRepository(
  table: MemoryTable<string, IdempotencyRecord>,
  tx: MemoryTransaction,
): IdempotencyRepository {
  const keyOf = rememberingKeyFor();
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
      // Field by field: a spread that then gains `result` costs V8 a fresh hidden class per row.
      table.set(tx, key, {
        storeId: record.storeId,
        command: record.command,
        key: record.key,
        requestHash: record.requestHash,
        result: null,
        actorId: record.actorId,
        createdAt: record.createdAt,
      });
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
