import type { StorageAdapter } from '@retailkit/core';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { RetailKitRepositories } from '../../src/index.js';
import { kitFixture, seedKit } from '../support/kit-fixture.js';
import { checkOrderInvariants } from './order-invariants.js';
import { OrderKitModel } from './order-model.js';
import { scenarioArbitrary } from './order-steps.js';
import { runOrderStep } from './run-order-step.js';

/** Where a suite keeps its data: a fresh, empty adapter per run, and how to drop it. */
export interface KitStorageFactory {
  /** A fresh adapter over empty tables. */
  create(): Promise<StorageAdapter<RetailKitRepositories>>;
  /** Closes it and drops what `create` made. */
  teardown(storage: StorageAdapter<RetailKitRepositories>): Promise<void>;
}

/** How much a suite runs: fast adapters afford more runs and a check after every step. */
export interface SuiteBudget {
  /** Property runs. */
  readonly numRuns: number;
  /** Fewest commands per run: few runs on slow targets still reach returns and refunds. */
  readonly minSteps: number;
  /** Most commands per run. */
  readonly maxSteps: number;
  /** Check every invariant after each step, not only at the end of the run. */
  readonly checkEachStep: boolean;
  /** The test's timeout in ms. */
  readonly timeout: number;
}

/**
 * The order + inventory invariants as a model-based property over one storage: random command
 * sequences (place, pay, authorise, capture, void, fulfil, ship, track, pick up, complete, cancel,
 * return, refund, legal and not) on a seeded kit with a fake clock, checked against a model.
 */
export function orderInvariantSuite(name: string, storage: KitStorageFactory, budget: SuiteBudget): void {
  describe(`order and inventory invariants (${name})`, () => {
    it(
      'random command sequences keep orders, payments, returns and stock consistent',
      async () => {
        await fc.assert(
          fc.asyncProperty(scenarioArbitrary(budget.minSteps, budget.maxSteps), async (scenario) => {
            const adapter = await storage.create();
            try {
              const { kit, clock } = kitFixture(adapter, {
                taxMode: scenario.taxMode,
                taxRounding: scenario.taxRounding,
              });
              await seedKit(kit);
              const model = new OrderKitModel();
              for (const step of scenario.steps) {
                await runOrderStep(kit, clock, model, step);
                if (budget.checkEachStep) await checkOrderInvariants(kit, model);
              }
              if (!budget.checkEachStep) await checkOrderInvariants(kit, model);
            } finally {
              await storage.teardown(adapter);
            }
          }),
          { numRuns: budget.numRuns },
        );
      },
      budget.timeout,
    );
  });
}
