import { expect, it } from 'vitest';
import { formatTable } from './text-table.js';

it('aligns columns, right-aligns figures and leaves missing cells empty', () => {
  expect(
    formatTable([
      { sku: 'MATCHA-30', 'on hand': '2', price: '€18.50' },
      { sku: 'KYUSU-350', 'on hand': '12', note: 'low' },
    ]).split('\n'),
  ).toEqual([
    '  sku        on hand   price  note',
    '  ─────────  ───────  ──────  ────',
    '  MATCHA-30        2  €18.50',
    '  KYUSU-350       12          low',
  ]);
  expect(formatTable([])).toBe('  (none)');
});
