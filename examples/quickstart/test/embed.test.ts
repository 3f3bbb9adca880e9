import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('the README embed snippet is this file, and it runs', async () => {
  const snippet = readFileSync(new URL('../src/embed.ts', import.meta.url), 'utf8').trim();
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  expect(readme).toContain(snippet);
  const { tip } = await import('../src/embed.js');
  expect(tip).toEqual({ amount: { amount: '2.50', currency: 'EUR' } });
});
