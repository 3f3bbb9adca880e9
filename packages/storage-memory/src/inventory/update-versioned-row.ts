import { ConflictError, NotFoundError } from '@retailkit/core';
import type { MemoryTable } from '../transaction/memory-table.js';
import type { MemoryTransaction } from '../transaction/memory-transaction.js';

/** A document under optimistic concurrency control. */
export interface VersionedRow {
  /** The document id. */
  readonly id: string;
  /** Its version, bumped by one on every update. */
  readonly version: number;
}

/**
 * Replaces the row `record.id` with `record` stored at version `expectedVersion + 1` (whatever
 * `record.version` says), when the stored version is `expectedVersion`. Throws NotFoundError when
 * there is no such row and a retryable ConflictError when another write got there first.
 */
export function updateVersionedRow<V extends VersionedRow>(
  tx: MemoryTransaction,
  table: MemoryTable<string, V>,
  entity: string,
  record: V,
  expectedVersion: number,
): void {
  const stored = table.get(tx, record.id);
  if (!stored) throw new NotFoundError(entity, record.id);
  if (stored.version !== expectedVersion) {
    throw new ConflictError(
      `${entity} ${JSON.stringify(record.id)} is at version ${stored.version}, not ${expectedVersion}`,
      { details: { entity, id: record.id, expectedVersion, actualVersion: stored.version } },
    );
  }
  // The table stores a frozen copy either way; skip the spread when the version is already right.
  const version = expectedVersion + 1;
  table.set(tx, record.id, record.version === version ? record : { ...record, version });
}
