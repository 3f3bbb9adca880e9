import { runOrdersConformance } from '@retailkit/testkit';
import { createMemoryStorage } from '../src/index.js';

runOrdersConformance({ name: 'memory', create: () => createMemoryStorage() });
