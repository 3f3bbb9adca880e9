import { isRetailKitError } from '@retailkit/core';
import { aCashier, aClerk, aManager } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { deleteReorderRule } from './delete-reorder-rule.js';
import { listReorderRules } from './list-reorder-rules.js';
import { setReorderRule } from './set-reorder-rule.js';

const teaBase = {
  locationId: 'berlin',
  sku: 'tea-each',
  reorderPoint: '5',
  leadTimeDays: 2,
  safetyStock: '2',
  source: { kind: 'purchase', supplierId: 'tea-co' },
} as const;
const teaRule = { ...teaBase, method: 'fixed-quantity', reorderQuantity: '12' } as const;

describe('setReorderRule', () => {
  it('stores the rule and the safety stock, and raises the low-stock alert at once', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 3);
    const { result, events } = await t.run(setReorderRule, teaRule, aManager(['berlin']));
    expect(result).toEqual({
      locationId: 'berlin',
      sku: 'tea-each',
      unit: 'each',
      reorderPoint: '5',
      method: 'fixed-quantity',
      reorderQuantity: '12',
      maxLevel: null,
      leadTimeDays: 2,
      demandWindowDays: null,
      safetyStock: '2',
      source: { kind: 'purchase', supplierId: 'tea-co' },
      alerting: true,
      updatedAt: '2025-03-03T09:00:00.000Z',
    });
    expect((await t.level('berlin', 'tea-each'))?.safetyStock).toBe('2');
    expect(events.map((e) => [e.type, e.stream, e.storeId])).toEqual([
      ['inventory.reorder-rule-set', 'stock:berlin:tea-each', 'berlin'],
      ['inventory.low-stock', 'stock:berlin:tea-each', 'berlin'],
    ]);
    expect(events[0]?.payload).toMatchObject({
      categoryId: 'tea',
      created: true,
      businessDate: '2025-03-03',
    });
    expect(events[1]?.payload).toMatchObject({ available: '3', incoming: '0', reorderPoint: '5' });
  });

  it('does not alert above the reorder point, and recovers when the point is lowered', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'coffee-kg', '2.5');
    const rule = {
      locationId: 'berlin',
      sku: 'coffee-kg',
      reorderPoint: '2',
      method: 'up-to-max',
      maxLevel: '10',
      source: { kind: 'transfer', fromLocationId: 'central' },
    } as const;
    const first = await t.run(setReorderRule, rule);
    expect(first.result).toMatchObject({
      reorderPoint: '2.000',
      maxLevel: '10.000',
      safetyStock: '0.000',
      alerting: false,
    });
    expect(first.events.map((e) => e.type)).toEqual(['inventory.reorder-rule-set']);
    const raised = await t.run(setReorderRule, { ...rule, reorderPoint: '3' });
    expect(raised.events.map((e) => e.type)).toEqual(['inventory.reorder-rule-set', 'inventory.low-stock']);
    const lowered = await t.run(setReorderRule, { ...rule, reorderPoint: '2.5' });
    expect(lowered.events.map((e) => e.type)).toEqual([
      'inventory.reorder-rule-set',
      'inventory.stock-recovered',
    ]);
    expect(lowered.result.alerting).toBe(false);
    // Without safetyStock the level's is kept; no level is created just for the rule.
    expect((await t.level('berlin', 'coffee-kg'))?.safetyStock).toBe('0');
  });

  it('sizes by demand over a window of days', async () => {
    const t = await setupInventory();
    const result = await t.execute(setReorderRule, {
      locationId: 'hamburg',
      sku: 'tea-each',
      reorderPoint: 4,
      method: 'demand',
      demandWindowDays: 14,
      leadTimeDays: 3,
      source: { kind: 'purchase', supplierId: 'tea-co' },
    });
    expect(result).toMatchObject({
      method: 'demand',
      demandWindowDays: 14,
      leadTimeDays: 3,
      reorderQuantity: null,
    });
  });

  it('names each bad field and stores nothing', async () => {
    const t = await setupInventory();
    const cases: [unknown, string[]][] = [
      [{ ...teaRule, locationId: 'nowhere' }, ['locationId']],
      [{ ...teaRule, sku: 'nope' }, ['sku']],
      [{ ...teaRule, reorderPoint: '1.5', reorderQuantity: '0.5' }, ['reorderPoint', 'reorderQuantity']],
      [{ ...teaRule, reorderPoint: '-1' }, ['reorderPoint']],
      [{ ...teaBase, method: 'fixed-quantity' }, ['reorderQuantity']],
      [{ ...teaBase, method: 'up-to-max', maxLevel: '4' }, ['maxLevel']],
      [{ ...teaRule, maxLevel: '20' }, ['']],
      [{ ...teaRule, method: 'weekly' }, ['method']],
      [{ ...teaBase, method: 'demand', demandWindowDays: 0 }, ['demandWindowDays']],
      [{ ...teaRule, leadTimeDays: 1.5 }, ['leadTimeDays']],
      [{ ...teaRule, source: { kind: 'transfer', fromLocationId: 'berlin' } }, ['source.fromLocationId']],
      [{ ...teaRule, source: { kind: 'transfer', fromLocationId: 'nowhere' } }, ['source.fromLocationId']],
      [{ ...teaRule, source: { kind: 'purchase' } }, ['source.supplierId']],
      [{ ...teaRule, safetyStock: '0.1' }, ['safetyStock']],
    ];
    for (const [input, expected] of cases) {
      expect(validationPaths(await rejection(t.execute(setReorderRule, input as never)))).toEqual(expected);
    }
    expect(await t.read((repository) => repository.listReorderRules({}, { limit: 10 }))).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(await t.level('berlin', 'tea-each')).toBeUndefined();
    expect(await t.stream('stock:berlin:tea-each')).toEqual([]);
  });

  it('needs inventory.configure in the location', async () => {
    const t = await setupInventory();
    for (const actor of [aClerk('berlin'), aManager(['hamburg'])]) {
      const error = await rejection(t.execute(setReorderRule, teaRule, actor));
      expect(isRetailKitError(error, 'FORBIDDEN')).toBe(true);
    }
  });
});

describe('deleteReorderRule', () => {
  it('deletes a rule, and reports a missing one as not found', async () => {
    const t = await setupInventory();
    await t.execute(setReorderRule, teaRule);
    const { result, events } = await t.run(deleteReorderRule, { locationId: 'berlin', sku: 'tea-each' });
    expect(result).toEqual({ locationId: 'berlin', sku: 'tea-each', deleted: true });
    expect(events.map((e) => [e.type, e.stream, e.payload])).toEqual([
      ['inventory.reorder-rule-deleted', 'stock:berlin:tea-each', { locationId: 'berlin', sku: 'tea-each' }],
    ]);
    expect(
      await t.read((repository) => repository.getReorderRule({ locationId: 'berlin', sku: 'tea-each' })),
    ).toBe(undefined);
    const again = await rejection(t.execute(deleteReorderRule, { locationId: 'berlin', sku: 'tea-each' }));
    expect(isRetailKitError(again, 'NOT_FOUND')).toBe(true);
    const clerk = await rejection(
      t.execute(deleteReorderRule, { locationId: 'berlin', sku: 'tea-each' }, aClerk('berlin')),
    );
    expect(isRetailKitError(clerk, 'FORBIDDEN')).toBe(true);
  });
});

describe('listReorderRules', () => {
  it('lists rules by location then SKU, a page at a time, within the actor’s stores', async () => {
    const t = await setupInventory();
    await t.execute(setReorderRule, teaRule);
    const { safetyStock: _keep, ...withoutSafetyStock } = teaRule;
    await t.execute(setReorderRule, { ...withoutSafetyStock, sku: 'coffee-kg', reorderQuantity: '5' });
    await t.execute(setReorderRule, { ...teaRule, locationId: 'hamburg' });
    const all = await listReorderRules(t.runner, {}, { actor: t.admin });
    expect(all.items.map((rule) => [rule.locationId, rule.sku, rule.reorderPoint, rule.safetyStock])).toEqual(
      [
        ['berlin', 'coffee-kg', '5.000', '0.000'],
        ['berlin', 'tea-each', '5', '2'],
        ['hamburg', 'tea-each', '5', '2'],
      ],
    );
    const cashier = aCashier('berlin');
    const first = await listReorderRules(t.runner, { locationId: 'berlin', limit: 1 }, { actor: cashier });
    expect(first.items.map((rule) => rule.sku)).toEqual(['coffee-kg']);
    const second = await listReorderRules(
      t.runner,
      { locationId: 'berlin', limit: 1, after: first.nextCursor ?? '' },
      { actor: cashier },
    );
    expect(second.items.map((rule) => rule.sku)).toEqual(['tea-each']);
    const chainWide = await rejection(listReorderRules(t.runner, {}, { actor: cashier }));
    expect(isRetailKitError(chainWide, 'FORBIDDEN')).toBe(true);
    expect(
      validationPaths(await rejection(listReorderRules(t.runner, { limit: 0 }, { actor: t.admin }))),
    ).toEqual(['limit']);
  });
});
