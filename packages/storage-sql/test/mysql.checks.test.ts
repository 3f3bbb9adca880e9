import { runSqlCases } from './support/sql-cases.js';
import { mysqlTarget } from './support/sql-targets.js';

runSqlCases(mysqlTarget);
