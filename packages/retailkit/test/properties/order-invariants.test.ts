import type { StorageAdapter } from '@retailkit/core';
import { createMemoryStorage } from '@retailkit/storage-memory';
import { pgliteTarget, postgresTarget } from '../../../storage-sql/test/support/sql-targets.js';
import { targetRuns } from '../../../storage-sql/test/support/target-suite.js';
import type { RetailKitRepositories } from '../../src/index.js';
import { type KitStorageFactory, orderInvariantSuite } from './order-invariant-suite.js';

const memory: KitStorageFactory = {
  create: async () => createMemoryStorage() as unknown as StorageAdapter<RetailKitRepositories>,
  teardown: (storage) => storage.close(),
};

orderInvariantSuite('memory', memory, { numRuns: 100, maxSteps: 30, checkEachStep: true, timeout: 30_000 });

orderInvariantSuite('sql:pglite', pgliteTarget, {
  numRuns: 12,
  maxSteps: 25,
  checkEachStep: false,
  timeout: 40_000,
});

if (targetRuns(postgresTarget)) {
  orderInvariantSuite('sql:postgres', postgresTarget, {
    numRuns: 12,
    maxSteps: 25,
    checkEachStep: false,
    timeout: 40_000,
  });
}
