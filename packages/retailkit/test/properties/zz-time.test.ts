import { it } from 'vitest';
import { createMemoryStorage } from '@retailkit/storage-memory';
import fc from 'fast-check';
import { kitFixture, seedKit } from '../support/kit-fixture.js';
import { OrderKitModel } from './order-model.js';
import { scenarioArbitrary } from './order-steps.js';
import { runOrderStep } from './run-order-step.js';
import { checkOrderInvariants } from './order-invariants.js';
it('times', async () => {
  const scenarios = fc.sample(scenarioArbitrary(30), { numRuns: 20, seed: 1 });
  let seedMs = 0, stepMs = 0, checkMs = 0, steps = 0;
  for (const scenario of scenarios) {
    const { kit, clock } = kitFixture(createMemoryStorage() as never, { taxMode: scenario.taxMode, taxRounding: scenario.taxRounding });
    let t = performance.now();
    await seedKit(kit);
    seedMs += performance.now() - t; t = performance.now();
    const model = new OrderKitModel();
    for (const step of scenario.steps) { await runOrderStep(kit, clock, model, step); steps++; }
    stepMs += performance.now() - t; t = performance.now();
    await checkOrderInvariants(kit, model);
    checkMs += performance.now() - t;
  }
  console.log({ seedMs, stepMs, checkMs, steps });
}, 60000);
