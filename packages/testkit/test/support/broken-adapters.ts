import type { CoreRepositories, StorageAdapter } from '@retailkit/core';
import { createMemoryStorage } from '@retailkit/storage-memory';
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

/** The ids of the checks (all by default) that an adapter fails. */
export async function failedChecks(
  create: () => StorageAdapter,
  cases: readonly ConformanceCase[] = conformanceCases,
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
