// Builds packages/* in dependency order. pnpm orders `-r run` by every dependency kind, and the
// test-only devDependencies between adapters, modules and the testkit form cycles, which leave its
// order arbitrary. A package's build needs only its runtime and peer dependencies' types, so those
// alone decide the order here.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', 'packages');
const packages = new Map();
for (const dir of readdirSync(root)) {
  const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  if (manifest.scripts?.build) packages.set(manifest.name, manifest);
}

const order = [];
const state = new Map();
function visit(name, path) {
  if (state.get(name) === 'done') return;
  if (state.get(name) === 'visiting')
    throw new Error(`runtime dependency cycle: ${[...path, name].join(' → ')}`);
  state.set(name, 'visiting');
  const manifest = packages.get(name);
  for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
    if (packages.has(dep)) visit(dep, [...path, name]);
  }
  state.set(name, 'done');
  order.push(name);
}
for (const name of [...packages.keys()].sort()) visit(name, []);

for (const name of order) {
  console.log(`\n── build ${name}`);
  execFileSync('pnpm', ['--filter', name, 'run', 'build'], { stdio: 'inherit' });
}
