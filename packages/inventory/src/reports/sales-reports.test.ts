import { isRetailKitError } from '@retailkit/core';
import { aCashier } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { createPurchaseOrder } from '../purchase-orders/create-purchase-order.js';
import { orderPurchaseOrder } from '../purchase-orders/order-purchase-order.js';
import { setReorderRule } from '../replenishment/set-reorder-rule.js';
import { reserveStock } from '../reservations/reserve-stock.js';
import { recordReturn } from '../stock-commands/record-return.js';
import { recordSale } from '../stock-commands/record-sale.js';
import { daysOfCoverReport } from './days-of-cover-report.js';
import { lowStockReport } from './low-stock-report.js';

const purchase = { kind: 'purchase', supplierId: 'tea-co' } as const;

describe('lowStockReport', () => {
  it('lists SKUs whose available + incoming is below the reorder point, a page at a time', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 6);
    await t.receive('berlin', 'coffee-kg', '1.5');
    await t.execute(reserveStock, {
      reference: 'o-1',
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 2 }],
    });
    const rule = { method: 'fixed-quantity', reorderQuantity: '10', source: purchase } as const;
    await t.execute(setReorderRule, {
      ...rule,
      locationId: 'berlin',
      sku: 'tea-each',
      reorderPoint: '5',
      safetyStock: 1,
    });
    await t.execute(setReorderRule, { ...rule, locationId: 'berlin', sku: 'coffee-kg', reorderPoint: '1' });
    await t.execute(setReorderRule, { ...rule, locationId: 'hamburg', sku: 'coffee-kg', reorderPoint: '2' });
    await t.execute(setReorderRule, { ...rule, locationId: 'hamburg', sku: 'tea-each', reorderPoint: '3' });
    // Incoming counts: 3 tea ordered for hamburg lifts it to the reorder point.
    const draft = await t.execute(createPurchaseOrder, {
      locationId: 'hamburg',
      supplierId: 'tea-co',
      lines: [{ sku: 'tea-each', quantity: 3, unitCost: '2.00' }],
    });
    await t.execute(orderPurchaseOrder, { id: draft.id, locationId: 'hamburg' });

    const all = await lowStockReport(t.runner, {}, { actor: t.admin });
    expect(all.items).toEqual([
      {
        locationId: 'berlin',
        sku: 'tea-each',
        name: 'Green tea',
        categoryId: 'tea',
        unit: 'each',
        onHand: '6',
        reserved: '2',
        available: '4',
        incoming: '0',
        position: '4',
        reorderPoint: '5',
        shortfall: '1',
        safetyStock: '1',
        method: 'fixed-quantity',
        source: purchase,
      },
      expect.objectContaining({
        locationId: 'hamburg',
        sku: 'coffee-kg',
        position: '0.000',
        shortfall: '2.000',
      }),
    ]);
    expect(all.nextCursor).toBeNull();

    // Pages hold at most `limit` rows and resume after the last rule read.
    const first = await lowStockReport(t.runner, { limit: 1 }, { actor: t.admin });
    expect(first.items.map((row) => [row.locationId, row.sku])).toEqual([['berlin', 'tea-each']]);
    const rest = await lowStockReport(
      t.runner,
      { limit: 1, after: first.nextCursor ?? '' },
      { actor: t.admin },
    );
    expect(rest.items.map((row) => [row.locationId, row.sku])).toEqual([['hamburg', 'coffee-kg']]);
    const end = rest.nextCursor
      ? await lowStockReport(t.runner, { limit: 1, after: rest.nextCursor }, { actor: t.admin })
      : { items: [], nextCursor: null };
    expect(end.items).toEqual([]);

    const berlin = await lowStockReport(t.runner, { locationId: 'berlin' }, { actor: aCashier('berlin') });
    expect(berlin.items.map((row) => row.sku)).toEqual(['tea-each']);
    const refused = await rejection(lowStockReport(t.runner, {}, { actor: aCashier('berlin') }));
    expect(isRetailKitError(refused, 'FORBIDDEN')).toBe(true);
  });
});

describe('daysOfCoverReport', () => {
  it('divides available stock by the average daily sales of the last complete business days', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 30);
    await t.receive('berlin', 'coffee-kg', '2');
    await t.execute(recordSale, { locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 7 }] }); // Mon 3 March
    t.clock.set('2025-03-05T15:00:00Z');
    await t.execute(recordSale, { locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 7 }] });
    await t.execute(recordReturn, {
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 1, condition: 'sellable' }],
    });
    t.clock.set('2025-03-10T09:00:00Z');
    await t.execute(recordSale, { locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 1 }] }); // today
    await t.execute(reserveStock, {
      reference: 'o-1',
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 2 }],
    });

    const report = await daysOfCoverReport(
      t.runner,
      { locationId: 'berlin', windowDays: 7 },
      { actor: aCashier('berlin') },
    );
    expect(report).toEqual({
      locationId: 'berlin',
      window: { firstDate: '2025-03-03', lastDate: '2025-03-09', days: 7 },
      items: [
        {
          sku: 'coffee-kg',
          categoryId: 'coffee',
          unit: 'kg',
          available: '2.000',
          sold: '0.000',
          averageDailySales: '0.000000',
          daysOfCover: null,
        },
        {
          sku: 'tea-each',
          categoryId: 'tea',
          unit: 'each',
          // 30 − 7 − 7 + 1 returned − 1 today = 16 on hand, 2 reserved.
          available: '14',
          sold: '14',
          averageDailySales: '2.000',
          daysOfCover: '7.0',
        },
      ],
      nextCursor: null,
    });
    // The last 3 days (7–9 March) had no sales; the last 5 hold Wednesday's 7: 14 ÷ 1.4 = 10 days.
    const short = await daysOfCoverReport(
      t.runner,
      { locationId: 'berlin', windowDays: 3, sku: 'tea-each' },
      { actor: t.admin },
    );
    expect(short.window).toEqual({ firstDate: '2025-03-07', lastDate: '2025-03-09', days: 3 });
    expect(short.items.map((row) => [row.sold, row.averageDailySales, row.daysOfCover])).toEqual([
      ['0', '0.000', null],
    ]);
    const five = await daysOfCoverReport(
      t.runner,
      { locationId: 'berlin', windowDays: 5, sku: 'tea-each' },
      { actor: t.admin },
    );
    expect(five.items.map((row) => [row.sold, row.averageDailySales, row.daysOfCover])).toEqual([
      ['7', '1.400', '10.0'],
    ]);
  });

  it('pages through levels and refuses bad input', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 1);
    await t.receive('berlin', 'coffee-kg', '1');
    const first = await daysOfCoverReport(t.runner, { locationId: 'berlin', limit: 1 }, { actor: t.admin });
    expect(first.items.map((row) => row.sku)).toEqual(['coffee-kg']);
    const second = await daysOfCoverReport(
      t.runner,
      { locationId: 'berlin', limit: 1, after: first.nextCursor ?? '' },
      { actor: t.admin },
    );
    expect(second.items.map((row) => row.sku)).toEqual(['tea-each']);
    expect(
      validationPaths(
        await rejection(
          daysOfCoverReport(t.runner, { locationId: 'berlin', windowDays: 0 }, { actor: t.admin }),
        ),
      ),
    ).toEqual(['windowDays']);
    expect(
      validationPaths(await rejection(daysOfCoverReport(t.runner, {} as never, { actor: t.admin }))),
    ).toEqual(['locationId']);
    expect(
      validationPaths(
        await rejection(daysOfCoverReport(t.runner, { locationId: 'nowhere' }, { actor: t.admin })),
      ),
    ).toEqual(['locationId']);
    const refused = await rejection(
      daysOfCoverReport(t.runner, { locationId: 'hamburg' }, { actor: aCashier('berlin') }),
    );
    expect(isRetailKitError(refused, 'FORBIDDEN')).toBe(true);
  });
});
