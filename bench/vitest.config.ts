import { defineConfig } from 'vitest/config';

// Benchmarks are not tests: `pnpm bench` runs them, each beside a raw baseline in the same run.
export default defineConfig({
  resolve: { conditions: ['@retailkit/source', 'module', 'node'] },
  ssr: { resolve: { conditions: ['@retailkit/source', 'node'] } },
  // One file at a time: two benchmarks sharing the machine's cores would measure each other.
  test: { root: 'bench', fileParallelism: false, benchmark: { include: ['**/*.bench.ts'] } },
});
