import { ConflictError } from '@retailkit/core';
import type { MemoryTable } from '../transaction/memory-table.js';
import type { MemoryTransaction } from '../transaction/memory-transaction.js';

/**
 * The optimistic write of the catalog port: inserts when `expectedVersion` is null and the key is
 * free, replaces when the stored version is `expectedVersion`; a retryable ConflictError otherwise.
 */
export function putVersioned<V extends { readonly version: number }>(
  table: MemoryTable<string, V>,
  tx: MemoryTransaction,
  entity: string,
  key: string,
  record: V,
  expectedVersion: number | null,
): void {
  const stored = table.get(tx, key);
  if (expectedVersion === null ? stored !== undefined : stored?.version !== expectedVersion) {
    throw new ConflictError(
      expectedVersion === null
        ? `${entity} ${JSON.stringify(key)} already exists`
        : `${entity} ${JSON.stringify(key)} is not at version ${expectedVersion}`,
      { details: { entity, id: key, expectedVersion, version: stored?.version ?? null } },
    );
  }
  table.set(tx, key, record);
}
