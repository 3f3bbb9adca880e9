import { runInventoryConformance } from '@retailkit/testkit';
import { pgliteTarget as target } from './support/sql-targets.js';
import { targetRuns } from './support/target-suite.js';

if (targetRuns(target)) {
  runInventoryConformance({ name: target.name, create: () => target.create(), teardown: target.teardown });
}
