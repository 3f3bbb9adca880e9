import { runCatalogConformance } from '@retailkit/testkit';
import { createMemoryStorage } from '../src/index.js';

runCatalogConformance({ name: 'memory', create: () => createMemoryStorage() });
