import { describe, expect, it } from 'vitest';
import type { ReorderRuleRecord } from '../storage/inventory-records.js';
import { ceilDiv, formatDailyAverage } from './daily-sales.js';
import { suggestedUnits } from './suggested-units.js';

const rule: ReorderRuleRecord = {
  locationId: 'berlin',
  sku: 'tea-each',
  reorderPoint: '10',
  method: 'fixed-quantity',
  reorderQuantity: '4',
  maxLevel: null,
  leadTimeDays: 3,
  demandWindowDays: null,
  source: { kind: 'purchase', supplierId: 'tea-co' },
  alerting: false,
  updatedAt: '2025-03-03T09:00:00.000Z',
};

describe('suggestedUnits', () => {
  it('orders nothing at or above the reorder point', () => {
    expect(suggestedUnits(rule, 0, { position: 10n, safetyStock: 0n, sales: null })).toBe(0n);
  });

  it('orders whole lots until the reorder point is reached', () => {
    expect(suggestedUnits(rule, 0, { position: 9n, safetyStock: 0n, sales: null })).toBe(4n);
    expect(suggestedUnits(rule, 0, { position: 1n, safetyStock: 0n, sales: null })).toBe(12n);
    expect(suggestedUnits(rule, 0, { position: -3n, safetyStock: 0n, sales: null })).toBe(16n);
  });

  it('fills up to the maximum', () => {
    const upToMax = { ...rule, method: 'up-to-max', reorderQuantity: null, maxLevel: '25' } as const;
    expect(suggestedUnits(upToMax, 0, { position: 4n, safetyStock: 5n, sales: null })).toBe(21n);
  });

  it('covers lead time and one window of demand plus safety stock, rounding up to the unit', () => {
    const demand = { ...rule, method: 'demand', reorderQuantity: null, demandWindowDays: 7 } as const;
    // 10 sold in 7 days × (3 + 7) days = 14.28… → 15, + 2 safety = 17, − 4 = 13.
    expect(suggestedUnits(demand, 0, { position: 4n, safetyStock: 2n, sales: { sold: 10n, days: 7 } })).toBe(
      13n,
    );
    // At scale 3 (kg) the rounding is to the gram: 10.000 kg × 10/7 = 14.285714… → 14.286.
    const kg = { ...demand, reorderPoint: '10.000' };
    expect(
      suggestedUnits(kg, 3, { position: 4000n, safetyStock: 0n, sales: { sold: 10000n, days: 7 } }),
    ).toBe(10286n);
  });
});

describe('daily sales helpers', () => {
  it('rounds averages half-up to three more decimals and divides up', () => {
    expect(formatDailyAverage({ sold: 1n, days: 7 }, 0)).toBe('0.143');
    expect(formatDailyAverage({ sold: 1n, days: 16 }, 0)).toBe('0.063');
    expect(formatDailyAverage({ sold: 1500n, days: 7 }, 3)).toBe('0.214286');
    expect([ceilDiv(7n, 2n), ceilDiv(6n, 2n), ceilDiv(-7n, 2n)]).toEqual([4n, 3n, -3n]);
  });
});
