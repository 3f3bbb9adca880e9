import { expect, it } from 'vitest';
import { runQuickstart } from '../src/quickstart.js';

it('runs the quickstart tour and reports exact, honest figures', async () => {
  const printed: string[] = [];
  const summary = await runQuickstart({
    section: (title) => printed.push(title),
    table: (rows) => printed.push(JSON.stringify(rows)),
    line: (text) => printed.push(text),
  });
  expect(summary).toEqual({
    allocated: { amount: '0.04', currency: 'EUR' },
    // 01:30 local on 30 March is before the 04:00 day start: it belongs to the 29th, a 23-hour day.
    businessDay: '2025-03-29',
    dayHours: 23,
    replayed: true,
    refusals: ['FORBIDDEN', 'IDEMPOTENCY_KEY_REUSE', 'VALIDATION_FAILED'],
    delivered: 1,
    failedDeliveries: 0,
    sameIndex: true,
    decrypted: 'ana.schmidt@example.org',
    stock: {
      twoLines: 'INSUFFICIENT_STOCK',
      // 20 parallel one-tin reservations against 8 tins: exactly 8 succeed.
      reserved: 8,
      refused: 12,
      levels: [
        ['loose-sencha', '2.125', '0.000', '2.125'],
        // One reservation was sold: 7 on hand, all 7 still promised.
        ['matcha-tin', '7', '7', '0'],
      ],
      lowStock: ['matcha-tin'],
      drifts: 0,
    },
  });
  expect(printed.join('\n')).toContain('€0.02');
  expect(printed).toContain('handled 1, failed 0');
});
