import { z } from 'zod';
import { parseInput } from '../validation/parse-input.js';
import { createRuntimeStorage } from './runtime-storage.js';
import type { CoreRepositories, StorageAdapter } from './storage-adapter.js';

const optionsSchema = z.object({ createdBefore: z.date('must be a valid Date') });

/**
 * Deletes idempotency records claimed before `createdBefore` (e.g. 24 hours ago, as payment APIs
 * do) and returns how many went. A key older than that can then be used again. Run it from a
 * scheduled job.
 *
 * @example
 * ```ts
 * await purgeIdempotencyKeys(storage, { createdBefore: new Date(Date.now() - 86_400_000) });
 * ```
 */
export async function purgeIdempotencyKeys(
  storage: StorageAdapter<CoreRepositories>,
  options: { readonly createdBefore: Date },
): Promise<number> {
  const { createdBefore } = parseInput(optionsSchema, options, 'idempotency purge options');
  return createRuntimeStorage(storage).transaction((tx) => tx.idempotency.purge(createdBefore));
}
