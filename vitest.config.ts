import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// One vitest project per workspace package and example, named after its package.json.
function workspaceProjects(parent: string) {
  if (!existsSync(parent)) return [];
  return readdirSync(parent, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(parent, entry.name, 'package.json')))
    .map((entry) => {
      const root = join(parent, entry.name);
      const { name } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string };
      return {
        extends: true as const,
        test: { name, root, include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
      };
    });
}

// Tests import workspace packages from source through the "@retailkit/source" export condition,
// so running them needs no build step.
export default defineConfig({
  resolve: { conditions: ['@retailkit/source', 'module', 'node'] },
  ssr: { resolve: { conditions: ['@retailkit/source', 'node'] } },
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [...workspaceProjects('packages'), ...workspaceProjects('examples')],
  },
});
