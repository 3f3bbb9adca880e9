import type { CoreRepositories, StorageAdapter } from '@retailkit/core';
import { createMemoryStorage, type MemoryRepositories, type MemoryStorage } from '@retailkit/storage-memory';
import { type ConformanceCase, conformanceCases, runConformanceCase } from '../../src/index.js';

/** The in-memory adapter, except that a throwing transaction commits its writes anyway. */
export function forgetsRollback(): StorageAdapter {
  const inner = createMemoryStorage();
  return {
    name: 'forgets-rollback',
    async transaction<T>(fn: (tx: CoreRepositories) => Promise<T>): Promise<T> {
      let failure: { error: unknown } | undefined;
      const result = await inner.transaction(async (tx) => {
        try {
          return await fn(tx);
        } catch (error) {
          failure = { error };
          return undefined as T;
        }
      });
      if (failure) throw failure.error;
      return result;
    },
    close: () => inner.close(),
  };
}

/**
 * The in-memory adapter with each transaction's repositories passed through `patch`, which swaps
 * in flawed operations; `name` tells the flawed adapters apart in failure messages.
 */
export function patchedMemoryStorage(
  name: string,
  patch: (tx: MemoryRepositories) => MemoryRepositories,
): () => MemoryStorage {
  return () => {
    const inner = createMemoryStorage();
    return {
      name: 'memory',
      transaction: <T>(fn: (tx: MemoryRepositories) => Promise<T>) =>
        inner.transaction((tx) => fn(patch(tx))),
      close: () => inner.close(),
      [Symbol.toStringTag]: name,
    };
  };
}

/** The ids of the checks (the core ones by default) that an adapter fails. */
export async function failedChecks<R extends CoreRepositories>(
  create: () => StorageAdapter<R>,
  cases: readonly ConformanceCase<string, R>[] = conformanceCases,
): Promise<string[]> {
  const failed: string[] = [];
  for (const check of cases) {
    try {
      await runConformanceCase(check, { create });
    } catch {
      failed.push(check.id);
    }
  }
  return failed;
}
