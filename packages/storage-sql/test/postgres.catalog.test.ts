import { runCatalogConformance } from '@retailkit/testkit';
import { postgresTarget as target } from './support/sql-targets.js';
import { targetRuns } from './support/target-suite.js';

if (targetRuns(target)) {
  const options = { name: target.name, create: () => target.create(), teardown: target.teardown };
  runCatalogConformance(options);
}
