import { pgliteTarget, postgresTarget } from '../../../storage-sql/test/support/sql-targets.js';
import { orderInvariantSuite } from './order-invariant-suite.js';
orderInvariantSuite('pg-long', postgresTarget, { numRuns: 30, minSteps: 20, maxSteps: 50, checkEachStep: false, timeout: 900_000 });
orderInvariantSuite('pglite-long', pgliteTarget, { numRuns: 12, minSteps: 20, maxSteps: 40, checkEachStep: true, timeout: 900_000 });
