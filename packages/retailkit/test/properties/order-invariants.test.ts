import type { StorageAdapter } from '@retailkit/core';
import { createMemoryStorage } from '@retailkit/storage-memory';
import { pgliteTarget, postgresTarget } from '../../../storage-sql/test/support/sql-targets.js';
import { targetRuns } from '../../../storage-sql/test/support/target-suite.js';
import type { RetailKitRepositories } from '../../src/index.js';
import { type KitStorageFactory, orderInvariantSuite } from './order-invariant-suite.js';

// Budgets keep the whole file near 40 s on an idle 2-core machine: memory is cheap enough to check
// every invariant after every step; the SQL targets pay ~1 s per run for a schema and the seed, so
// they run fewer sequences and check at the end. Timeouts leave room for a loaded machine.

const memory: KitStorageFactory = {
  create: async () => createMemoryStorage() as unknown as StorageAdapter<RetailKitRepositories>,
  teardown: (storage) => storage.close(),
};

orderInvariantSuite('memory', memory, {
  numRuns: 150,
  minSteps: 1,
  maxSteps: 30,
  checkEachStep: true,
  timeout: 120_000,
});

orderInvariantSuite('sql:pglite', pgliteTarget, {
  numRuns: 4,
  minSteps: 20,
  maxSteps: 30,
  checkEachStep: false,
  timeout: 120_000,
});

if (targetRuns(postgresTarget)) {
  orderInvariantSuite('sql:postgres', postgresTarget, {
    numRuns: 6,
    minSteps: 20,
    maxSteps: 30,
    checkEachStep: false,
    timeout: 120_000,
  });
}
