import { runOrdersConformance } from '@retailkit/testkit';
import { postgresTarget as target } from './support/sql-targets.js';
import { targetRuns } from './support/target-suite.js';

if (targetRuns(target)) {
  runOrdersConformance({ name: target.name, create: () => target.create(), teardown: target.teardown });
}
