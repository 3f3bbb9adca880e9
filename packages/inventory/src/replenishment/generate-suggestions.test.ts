import { isRetailKitError } from '@retailkit/core';
import { aClerk, aManager } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { type InventorySetup, setupInventory } from '../../test/support/setup-inventory.js';
import { registerItem } from '../items/register-item.js';
import { createPurchaseOrder } from '../purchase-orders/create-purchase-order.js';
import { reserveStock } from '../reservations/reserve-stock.js';
import { recordSale } from '../stock-commands/record-sale.js';
import { createTransfer } from '../transfers/create-transfer.js';
import { generateSuggestions } from './generate-suggestions.js';
import { setReorderRule } from './set-reorder-rule.js';

const purchase = { kind: 'purchase', supplierId: 'tea-co' } as const;

function sell(t: InventorySetup, locationId: string, sku: string, quantity: number) {
  return t.execute(recordSale, { locationId, lines: [{ sku, quantity }] });
}

describe('generateSuggestions', () => {
  it('suggests a fixed lot, the multiple of a lot that reaches the reorder point, or up to the maximum', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 3);
    await t.receive('hamburg', 'tea-each', 3);
    await t.execute(reserveStock, {
      reference: 'o-1',
      locationId: 'hamburg',
      lines: [{ sku: 'tea-each', quantity: 1 }],
    });
    const base = { reorderPoint: '5', source: purchase };
    await t.execute(setReorderRule, {
      ...base,
      locationId: 'berlin',
      sku: 'tea-each',
      method: 'fixed-quantity',
      reorderQuantity: 12,
    });
    await t.execute(setReorderRule, {
      ...base,
      locationId: 'berlin',
      sku: 'coffee-kg',
      method: 'fixed-quantity',
      reorderQuantity: '2',
    });
    await t.execute(setReorderRule, {
      ...base,
      locationId: 'hamburg',
      sku: 'tea-each',
      method: 'up-to-max',
      maxLevel: 20,
      source: { kind: 'transfer', fromLocationId: 'central' },
    });
    t.clock.advance({ hours: 1 });
    const { result, events } = await t.run(generateSuggestions, {});
    expect(result.skipped).toEqual([]);
    expect(result.created.map((s) => [s.locationId, s.sku, s.quantity, s.basis])).toEqual([
      ['berlin', 'coffee-kg', '6.000', { available: '0.000', incoming: '0.000', averageDailySales: null }],
      ['berlin', 'tea-each', '12', { available: '3', incoming: '0', averageDailySales: null }],
      ['hamburg', 'tea-each', '18', { available: '2', incoming: '0', averageDailySales: null }],
    ]);
    expect(result.created[2]).toEqual({
      id: result.created[2]?.id,
      locationId: 'hamburg',
      sku: 'tea-each',
      unit: 'each',
      quantity: '18',
      source: { kind: 'transfer', fromLocationId: 'central' },
      status: 'open',
      documentType: null,
      documentId: null,
      basis: { available: '2', incoming: '0', averageDailySales: null },
      createdAt: '2025-03-03T10:00:00.000Z',
      updatedAt: '2025-03-03T10:00:00.000Z',
    });
    expect(events.map((e) => [e.type, e.stream, e.storeId])).toEqual(
      result.created.map((s) => ['inventory.suggestion-created', `suggestion:${s.id}`, s.locationId]),
    );
    expect(events[1]?.payload).toEqual({
      suggestionId: result.created[1]?.id,
      locationId: 'berlin',
      sku: 'tea-each',
      categoryId: 'tea',
      unit: 'each',
      quantity: '12',
      source: purchase,
      method: 'fixed-quantity',
      reorderPoint: '5',
      position: '3',
      basis: { available: '3', incoming: '0', averageDailySales: null },
      salesWindow: null,
      businessDate: '2025-03-03',
    });
  });

  it('sizes by the average daily sales of complete business days, lead time and safety stock', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 30);
    await sell(t, 'berlin', 'tea-each', 7); // Monday 3 March
    t.clock.set('2025-03-05T15:00:00Z');
    await sell(t, 'berlin', 'tea-each', 7); // Wednesday
    t.clock.set('2025-03-10T09:00:00Z');
    await sell(t, 'berlin', 'tea-each', 1); // today: not in the window
    await t.execute(setReorderRule, {
      locationId: 'berlin',
      sku: 'tea-each',
      reorderPoint: 20,
      method: 'demand',
      demandWindowDays: 7,
      leadTimeDays: 7,
      safetyStock: 2,
      source: purchase,
    });
    const { result, events } = await t.run(generateSuggestions, { locationId: 'berlin' });
    // 14 sold in 3–9 March: 2 a day; cover 7 + 7 days = 28, + 2 safety = 30; 15 on hand → 15.
    expect(result.created.map((s) => [s.quantity, s.basis.averageDailySales])).toEqual([['15', '2.000']]);
    expect(events[0]?.payload).toMatchObject({
      method: 'demand',
      position: '15',
      salesWindow: { firstDate: '2025-03-03', lastDate: '2025-03-09' },
      businessDate: '2025-03-10',
    });
  });

  it('brings a demand rule without recent sales back to its reorder point', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'coffee-kg', '0.4');
    await t.execute(setReorderRule, {
      locationId: 'berlin',
      sku: 'coffee-kg',
      reorderPoint: '1.5',
      method: 'demand',
      demandWindowDays: 28,
      source: purchase,
    });
    const { created } = await t.execute(generateSuggestions, { locationId: 'berlin' });
    expect(created.map((s) => [s.quantity, s.basis.averageDailySales])).toEqual([['1.100', '0.000000']]);
  });

  it('skips SKUs with an open suggestion or inbound document, discontinued items, and stock not low', async () => {
    const t = await setupInventory();
    await t.execute(registerItem, { sku: 'mug-each', name: 'Mug', categoryId: null });
    await t.receive('hamburg', 'coffee-kg', '9');
    const rule = {
      reorderPoint: '5',
      method: 'fixed-quantity',
      reorderQuantity: '10',
      source: purchase,
    } as const;
    for (const [locationId, sku] of [
      ['berlin', 'tea-each'],
      ['berlin', 'coffee-kg'],
      ['berlin', 'mug-each'],
      ['hamburg', 'tea-each'],
      ['hamburg', 'coffee-kg'],
    ] as const) {
      await t.execute(setReorderRule, { ...rule, locationId, sku });
    }
    await t.execute(createPurchaseOrder, {
      locationId: 'berlin',
      supplierId: 'tea-co',
      lines: [{ sku: 'coffee-kg', quantity: '1', unitCost: '9.00' }],
    });
    await t.execute(createTransfer, {
      fromLocationId: 'central',
      toLocationId: 'hamburg',
      lines: [{ sku: 'tea-each', quantity: 4 }],
    });
    await t.execute(registerItem, { sku: 'mug-each', name: 'Mug', categoryId: null, status: 'discontinued' });
    const first = await t.execute(generateSuggestions, {});
    expect(first.created.map((s) => [s.locationId, s.sku])).toEqual([['berlin', 'tea-each']]);
    expect(first.skipped).toEqual([
      { locationId: 'berlin', sku: 'coffee-kg', reason: 'open-purchase-order' },
      { locationId: 'berlin', sku: 'mug-each', reason: 'item-discontinued' },
      { locationId: 'hamburg', sku: 'tea-each', reason: 'open-transfer' },
    ]);
    const second = await t.execute(generateSuggestions, { locationId: 'berlin' });
    expect(second.created).toEqual([]);
    expect(second.skipped.map((s) => [s.sku, s.reason])).toEqual([
      ['coffee-kg', 'open-purchase-order'],
      ['mug-each', 'item-discontinued'],
      ['tea-each', 'open-suggestion'],
    ]);
  });

  it('needs inventory.replenish in the location, or everywhere for a chain-wide run', async () => {
    const t = await setupInventory();
    const clerk = await rejection(t.execute(generateSuggestions, { locationId: 'berlin' }, aClerk('berlin')));
    expect(isRetailKitError(clerk, 'FORBIDDEN')).toBe(true);
    const chainWide = await rejection(t.execute(generateSuggestions, {}, aManager(['berlin'])));
    expect(isRetailKitError(chainWide, 'FORBIDDEN')).toBe(true);
    await t.execute(generateSuggestions, { locationId: 'berlin' }, aManager(['berlin']));
    expect(
      validationPaths(
        await rejection(t.execute(generateSuggestions, { locationId: 'berlin', all: true } as never)),
      ),
    ).toEqual(['']);
  });
});
