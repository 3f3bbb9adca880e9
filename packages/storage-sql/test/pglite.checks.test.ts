import { runSqlCases } from './support/sql-cases.js';
import { pgliteTarget } from './support/sql-targets.js';

runSqlCases(pgliteTarget);
