import {
  ConflictError,
  type IdempotencyRecord,
  type IdempotencyRepository,
  type IdempotencyScope,
  RetailKitError,
} from '@retailkit/core';
import { keyOf, type SnapshotState } from './snapshot-state.js';

const scopeKey = (scope: IdempotencyScope) => keyOf(scope.storeId, scope.command, scope.key);

/**
 * The idempotency repository of one transaction, reading and writing its draft state.
 * `assertOpen` throws once the transaction has ended.
 */
export function snapshotIdempotency(draft: SnapshotState, assertOpen: () => void): IdempotencyRepository {
  return {
    async find(scope) {
      assertOpen();
      const row = draft.idempotency[scopeKey(scope)];
      if (row === undefined) return undefined;
      const record: IdempotencyRecord = { ...structuredClone(row), createdAt: new Date(row.createdAt) };
      return record;
    },

    async claim(record) {
      assertOpen();
      const key = scopeKey(record);
      // Transactions run one at a time, so "held by a concurrent transaction" cannot happen here:
      // an existing key is the only conflict.
      if (draft.idempotency[key] !== undefined) {
        throw new ConflictError(`Idempotency key ${JSON.stringify(record.key)} is already claimed`, {
          details: { command: record.command, storeId: record.storeId },
        });
      }
      draft.idempotency[key] = {
        storeId: record.storeId,
        command: record.command,
        key: record.key,
        requestHash: record.requestHash,
        actorId: record.actorId,
        result: null,
        createdAt: record.createdAt.toISOString(),
      };
    },

    async complete(scope, result) {
      assertOpen();
      const key = scopeKey(scope);
      const row = draft.idempotency[key];
      if (row === undefined) {
        throw new RetailKitError('INTERNAL', `Idempotency key ${JSON.stringify(scope.key)} was not claimed`);
      }
      draft.idempotency[key] = { ...row, result: structuredClone(result) };
    },

    async purge(createdBefore) {
      assertOpen();
      let purged = 0;
      for (const [key, row] of Object.entries(draft.idempotency)) {
        if (Date.parse(row.createdAt) < createdBefore.getTime()) {
          delete draft.idempotency[key];
          purged += 1;
        }
      }
      return purged;
    },
  };
}
