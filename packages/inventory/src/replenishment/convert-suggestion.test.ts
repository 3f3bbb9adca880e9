import { isRetailKitError } from '@retailkit/core';
import { aCashier, aClerk, aManager } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { type InventorySetup, setupInventory } from '../../test/support/setup-inventory.js';
import { convertSuggestion } from './convert-suggestion.js';
import { dismissSuggestion } from './dismiss-suggestion.js';
import { generateSuggestions } from './generate-suggestions.js';
import { listSuggestions } from './list-suggestions.js';
import { setReorderRule } from './set-reorder-rule.js';

/** Berlin with 3 tea at 2.00, a rule at 5 buying 12 from tea-co in 4 days, and its open suggestion. */
async function teaSuggestion(t: InventorySetup, source: 'purchase' | 'transfer' = 'purchase') {
  await t.receive('berlin', 'tea-each', 3, '2.00');
  await t.execute(setReorderRule, {
    locationId: 'berlin',
    sku: 'tea-each',
    reorderPoint: 5,
    method: 'fixed-quantity',
    reorderQuantity: 12,
    leadTimeDays: 4,
    source:
      source === 'purchase'
        ? { kind: 'purchase', supplierId: 'tea-co' }
        : { kind: 'transfer', fromLocationId: 'central' },
  });
  const { created } = await t.execute(generateSuggestions, { locationId: 'berlin' });
  const suggestion = created[0];
  if (!suggestion) throw new Error('expected a suggestion');
  return suggestion;
}

const manager = aManager(['berlin']);

describe('convertSuggestion', () => {
  it('places a purchase order at the average cost, raising incoming', async () => {
    const t = await setupInventory();
    const suggestion = await teaSuggestion(t);
    t.clock.advance({ hours: 2 });
    const { result, events } = await t.run(
      convertSuggestion,
      { suggestionId: suggestion.id, locationId: 'berlin' },
      manager,
    );
    const order = result.purchaseOrder;
    expect(order).toEqual({
      id: order?.id,
      supplierId: 'tea-co',
      locationId: 'berlin',
      status: 'ordered',
      currency: 'EUR',
      lines: [{ sku: 'tea-each', ordered: '12', received: '0', unitCost: '2.000000' }],
      expectedOn: '2025-03-07',
      suggestionId: suggestion.id,
      createdAt: '2025-03-03T11:00:00.000Z',
      updatedAt: '2025-03-03T11:00:00.000Z',
      version: 1,
    });
    expect(result.transfer).toBeNull();
    expect(result.suggestion).toMatchObject({
      status: 'converted',
      documentType: 'purchase-order',
      documentId: order?.id,
      updatedAt: '2025-03-03T11:00:00.000Z',
    });
    expect((await t.level('berlin', 'tea-each'))?.incoming).toBe('12');
    expect(events.map((e) => [e.type, e.stream])).toEqual([
      ['inventory.stock-recovered', 'stock:berlin:tea-each'],
      ['inventory.purchase-order-created', `purchase-order:${order?.id}`],
      ['inventory.purchase-order-ordered', `purchase-order:${order?.id}`],
      ['inventory.suggestion-converted', `suggestion:${suggestion.id}`],
    ]);
    expect(events[3]?.payload).toEqual({
      suggestionId: suggestion.id,
      locationId: 'berlin',
      sku: 'tea-each',
      categoryId: 'tea',
      unit: 'each',
      suggested: '12',
      quantity: '12',
      source: { kind: 'purchase', supplierId: 'tea-co' },
      documentType: 'purchase-order',
      documentId: order?.id,
      businessDate: '2025-03-03',
    });
    // The order now stands for the SKU: the next run waits for it.
    const again = await t.execute(generateSuggestions, { locationId: 'berlin' });
    expect(again.skipped).toEqual([]);
    expect(again.created).toEqual([]);
  });

  it('takes a quantity, a unit cost and a delivery date from the caller', async () => {
    const t = await setupInventory();
    const suggestion = await teaSuggestion(t);
    const { purchaseOrder } = await t.execute(convertSuggestion, {
      suggestionId: suggestion.id,
      locationId: 'berlin',
      quantity: 20,
      unitCost: '1.85',
      expectedOn: '2025-03-20',
    });
    expect(purchaseOrder?.lines).toEqual([
      { sku: 'tea-each', ordered: '20', received: '0', unitCost: '1.85' },
    ]);
    expect(purchaseOrder?.expectedOn).toBe('2025-03-20');
    expect((await t.level('berlin', 'tea-each'))?.incoming).toBe('20');
  });

  it('requests a transfer from the source location, which moves no stock yet', async () => {
    const t = await setupInventory();
    const suggestion = await teaSuggestion(t, 'transfer');
    const { result, events } = await t.run(convertSuggestion, {
      suggestionId: suggestion.id,
      locationId: 'berlin',
    });
    expect(result.purchaseOrder).toBeNull();
    expect(result.transfer).toMatchObject({
      fromLocationId: 'central',
      toLocationId: 'berlin',
      status: 'requested',
      lines: [
        {
          sku: 'tea-each',
          requested: '12',
          shipped: '0',
          received: '0',
          short: '0',
          over: '0',
          damaged: '0',
          unitCost: null,
        },
      ],
      suggestionId: suggestion.id,
      shippedAt: null,
      version: 1,
    });
    expect(result.suggestion).toMatchObject({ documentType: 'transfer', documentId: result.transfer?.id });
    // Transfer events belong to the source, as when the transfer is created by hand.
    expect(events.map((e) => [e.type, e.storeId])).toEqual([
      ['inventory.transfer-created', 'central'],
      ['inventory.transfer-requested', 'central'],
      ['inventory.suggestion-converted', 'berlin'],
    ]);
    expect(events[0]?.payload).toMatchObject({
      fromLocationId: 'central',
      toLocationId: 'berlin',
      currency: 'EUR',
      lines: [{ sku: 'tea-each', requested: '12', unitCost: null }],
    });
    expect((await t.level('berlin', 'tea-each'))?.incoming).toBe('0');
    expect(await t.read((repository) => repository.getTransfer(result.transfer?.id ?? ''))).toEqual(
      result.transfer,
    );
  });

  it('needs a unit cost for a SKU without an average cost, and changes nothing without one', async () => {
    const t = await setupInventory();
    await t.execute(setReorderRule, {
      locationId: 'berlin',
      sku: 'coffee-kg',
      reorderPoint: '1',
      method: 'fixed-quantity',
      reorderQuantity: '5',
      source: { kind: 'purchase', supplierId: 'beans' },
    });
    const [suggestion] = (await t.execute(generateSuggestions, { locationId: 'berlin' })).created;
    const ref = { suggestionId: suggestion?.id ?? '', locationId: 'berlin' };
    expect(validationPaths(await rejection(t.execute(convertSuggestion, ref)))).toEqual(['unitCost']);
    expect(
      validationPaths(
        await rejection(t.execute(convertSuggestion, { ...ref, quantity: '0.0005', unitCost: '9' })),
      ),
    ).toEqual(['quantity']);
    expect(
      validationPaths(await rejection(t.execute(convertSuggestion, { ...ref, unitCost: '-1' }))),
    ).toEqual(['unitCost']);
    expect(await t.read((repository) => repository.listPurchaseOrders({}, { limit: 10 }))).toEqual({
      items: [],
      nextCursor: null,
    });
    expect((await t.read((repository) => repository.getSuggestion(ref.suggestionId)))?.status).toBe('open');
    const { purchaseOrder } = await t.execute(convertSuggestion, { ...ref, unitCost: '9.40' });
    expect(purchaseOrder?.lines).toEqual([
      { sku: 'coffee-kg', ordered: '5.000', received: '0.000', unitCost: '9.40' },
    ]);
  });

  it('converts or dismisses a suggestion only once, and only in its own location', async () => {
    const t = await setupInventory();
    const suggestion = await teaSuggestion(t);
    const ref = { suggestionId: suggestion.id, locationId: 'berlin' };
    const elsewhere = await rejection(t.execute(convertSuggestion, { ...ref, locationId: 'hamburg' }));
    expect(isRetailKitError(elsewhere, 'NOT_FOUND')).toBe(true);
    const unknown = await rejection(t.execute(convertSuggestion, { ...ref, suggestionId: 'nope' }));
    expect(isRetailKitError(unknown, 'NOT_FOUND')).toBe(true);
    await t.execute(convertSuggestion, ref);
    for (const error of [
      await rejection(t.execute(convertSuggestion, ref)),
      await rejection(t.execute(dismissSuggestion, ref)),
    ]) {
      expect(isRetailKitError(error, 'INVALID_TRANSITION')).toBe(true);
      expect((error as { details: unknown }).details).toMatchObject({ from: 'converted' });
    }
  });

  it('needs inventory.replenish in the location', async () => {
    const t = await setupInventory();
    const suggestion = await teaSuggestion(t);
    for (const actor of [aClerk('berlin'), aManager(['hamburg'])]) {
      const error = await rejection(
        t.execute(convertSuggestion, { suggestionId: suggestion.id, locationId: 'berlin' }, actor),
      );
      expect(isRetailKitError(error, 'FORBIDDEN')).toBe(true);
    }
  });
});

describe('dismissSuggestion', () => {
  it('dismisses an open suggestion, after which a new one can be made', async () => {
    const t = await setupInventory();
    const suggestion = await teaSuggestion(t);
    const { result, events } = await t.run(
      dismissSuggestion,
      { suggestionId: suggestion.id, locationId: 'berlin', reason: 'supplier closed' },
      manager,
    );
    expect(result).toMatchObject({ id: suggestion.id, status: 'dismissed', documentType: null });
    expect(events.map((e) => [e.type, e.stream, e.payload])).toEqual([
      [
        'inventory.suggestion-dismissed',
        `suggestion:${suggestion.id}`,
        {
          suggestionId: suggestion.id,
          locationId: 'berlin',
          sku: 'tea-each',
          categoryId: 'tea',
          unit: 'each',
          quantity: '12',
          source: { kind: 'purchase', supplierId: 'tea-co' },
          reason: 'supplier closed',
          businessDate: '2025-03-03',
        },
      ],
    ]);
    const again = await t.execute(generateSuggestions, { locationId: 'berlin' });
    expect(again.created.map((s) => s.quantity)).toEqual(['12']);
    const error = await rejection(
      t.execute(dismissSuggestion, { suggestionId: suggestion.id, locationId: 'berlin' }, aClerk('berlin')),
    );
    expect(isRetailKitError(error, 'FORBIDDEN')).toBe(true);
  });
});

describe('listSuggestions', () => {
  it('lists suggestions by creation, filtered by location, SKU and state', async () => {
    const t = await setupInventory();
    const first = await teaSuggestion(t);
    await t.execute(dismissSuggestion, { suggestionId: first.id, locationId: 'berlin' });
    const [second] = (await t.execute(generateSuggestions, { locationId: 'berlin' })).created;
    const cashier = aCashier('berlin');
    const all = await listSuggestions(t.runner, { locationId: 'berlin' }, { actor: cashier });
    expect(all.items.map((s) => [s.id, s.status])).toEqual([
      [first.id, 'dismissed'],
      [second?.id, 'open'],
    ]);
    const open = await listSuggestions(
      t.runner,
      { locationId: 'berlin', status: 'open' },
      { actor: cashier },
    );
    expect(open.items.map((s) => s.id)).toEqual([second?.id]);
    const paged = await listSuggestions(t.runner, { locationId: 'berlin', limit: 1 }, { actor: cashier });
    expect(paged.items.map((s) => s.id)).toEqual([first.id]);
    expect(paged.nextCursor).not.toBeNull();
    const none = await listSuggestions(t.runner, { sku: 'coffee-kg' }, { actor: t.admin });
    expect(none.items).toEqual([]);
    const refused = await rejection(listSuggestions(t.runner, { locationId: 'hamburg' }, { actor: cashier }));
    expect(isRetailKitError(refused, 'FORBIDDEN')).toBe(true);
    expect(
      validationPaths(
        await rejection(listSuggestions(t.runner, { status: 'done' } as never, { actor: t.admin })),
      ),
    ).toEqual(['status']);
  });
});
