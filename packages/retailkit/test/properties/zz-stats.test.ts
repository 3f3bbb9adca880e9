import { afterAll } from 'vitest';
import { createMemoryStorage } from '@retailkit/storage-memory';
import { orderInvariantSuite } from './order-invariant-suite.js';
orderInvariantSuite('memory', { create: async () => createMemoryStorage() as never, teardown: (s) => s.close() }, { numRuns: 100, maxSteps: 30, checkEachStep: false, timeout: 60_000 });
afterAll(() => { const g = globalThis as unknown as { stats: Map<string, number> }; console.log([...g.stats].sort().map(([k, v]) => `${k} ${v}`).join('\n')); });
