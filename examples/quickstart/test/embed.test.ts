import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('the README embed snippet is this file, and it runs', async () => {
  const snippet = readFileSync(new URL('../src/embed.ts', import.meta.url), 'utf8').trim();
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  expect(readme).toContain(snippet);
  const { sale, mugsLeft } = await import('../src/embed.js');
  expect(sale.status).toBe('completed');
  expect(sale.totals.total).toBe('28.56');
  expect(sale.paymentStatus).toBe('paid');
  expect(mugsLeft).toBe('3');
}, 120_000);
