import { runSqlCases } from './support/sql-cases.js';
import { postgresTarget } from './support/sql-targets.js';

runSqlCases(postgresTarget);
