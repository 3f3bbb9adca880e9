import { runStorageConformance } from '@retailkit/testkit';
import { createMemoryStorage } from '../src/index.js';

runStorageConformance({ name: 'memory', create: () => createMemoryStorage() });
