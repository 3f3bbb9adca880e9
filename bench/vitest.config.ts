import { defineConfig } from 'vitest/config';

// Benchmarks are not tests: `pnpm bench` runs them, each beside a raw baseline in the same run.
export default defineConfig({
  resolve: { conditions: ['@retailkit/source', 'module', 'node'] },
  ssr: { resolve: { conditions: ['@retailkit/source', 'node'] } },
  test: { root: 'bench', benchmark: { include: ['**/*.bench.ts'] } },
});
