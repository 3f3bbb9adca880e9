import { runInventoryConformance } from '@retailkit/testkit';
import { createMemoryStorage } from '../src/index.js';

runInventoryConformance({ name: 'memory', create: () => createMemoryStorage() });
