import { runSqlCases } from './support/sql-cases.js';
import { sqliteTarget } from './support/sql-targets.js';

runSqlCases(sqliteTarget);
