import { isRetailKitError } from '@retailkit/core';
import { aCashier, aClerk, aManager } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { type InventorySetup, setupInventory } from '../../test/support/setup-inventory.js';
import { cancelPurchaseOrder } from './cancel-purchase-order.js';
import { closePurchaseOrder } from './close-purchase-order.js';
import { createPurchaseOrder } from './create-purchase-order.js';
import { editPurchaseOrder } from './edit-purchase-order.js';
import { getPurchaseOrder } from './get-purchase-order.js';
import { listPurchaseOrders } from './list-purchase-orders.js';
import { orderPurchaseOrder } from './order-purchase-order.js';
import { overReceivePurchaseOrder, receivePurchaseOrder } from './receive-purchase-order.js';

const manager = aManager(['berlin']);
const clerk = aClerk('berlin');

/** Everything a command could change, to prove a refused one changed nothing. */
function snapshot(t: InventorySetup) {
  return t.read(async (repository) => ({
    levels: (await repository.listLevels({}, { limit: 1000 })).items,
    movements: (await repository.listMovements({}, { limit: 1000 })).items,
    orders: (await repository.listPurchaseOrders({}, { limit: 1000 })).items,
  }));
}

async function balances(t: InventorySetup, sku = 'tea-each', locationId = 'berlin') {
  const level = await t.level(locationId, sku);
  return { onHand: level?.onHand ?? '0', incoming: level?.incoming ?? '0', averageCost: level?.averageCost };
}

/** An ordered purchase order for berlin: 10 tea at 2.00 and 2.500 kg coffee at 12.40. */
async function orderedPurchaseOrder(t: InventorySetup) {
  const draft = await t.execute(
    createPurchaseOrder,
    {
      locationId: 'berlin',
      supplierId: 'tea-co',
      lines: [
        { sku: 'tea-each', quantity: 10, unitCost: '2.00' },
        { sku: 'coffee-kg', quantity: '2.5', unitCost: '12.40' },
      ],
    },
    manager,
  );
  return t.execute(orderPurchaseOrder, { id: draft.id, locationId: 'berlin' }, manager);
}

describe('purchase orders', () => {
  it('drafts, edits and orders: ordering raises incoming per line', async () => {
    const t = await setupInventory();
    const { result: draft, events } = await t.run(
      createPurchaseOrder,
      {
        locationId: 'berlin',
        supplierId: 'tea-co',
        expectedOn: '2025-03-10',
        lines: [{ sku: 'tea-each', quantity: 4, unitCost: '2.00' }],
      },
      manager,
    );
    expect(draft).toMatchObject({
      status: 'draft',
      currency: 'EUR',
      expectedOn: '2025-03-10',
      lines: [{ sku: 'tea-each', ordered: '4', received: '0', unitCost: '2.00' }],
      version: 1,
    });
    expect(events.map((e) => [e.type, e.stream, e.storeId])).toEqual([
      ['inventory.purchase-order-created', `purchase-order:${draft.id}`, 'berlin'],
    ]);
    expect(await t.level('berlin', 'tea-each')).toBeUndefined();

    const edited = await t.execute(
      editPurchaseOrder,
      {
        id: draft.id,
        locationId: 'berlin',
        lines: [
          { sku: 'tea-each', quantity: 10, unitCost: '1.90' },
          { sku: 'coffee-kg', quantity: '2.5', unitCost: '12.40' },
        ],
      },
      manager,
    );
    expect(edited.lines.map((line) => [line.sku, line.ordered, line.unitCost])).toEqual([
      ['tea-each', '10', '1.90'],
      ['coffee-kg', '2.500', '12.40'],
    ]);
    expect(edited.expectedOn).toBe('2025-03-10');

    const { result: ordered, events: orderEvents } = await t.run(
      orderPurchaseOrder,
      { id: draft.id, locationId: 'berlin' },
      manager,
    );
    expect(ordered).toMatchObject({ status: 'ordered', version: 3 });
    expect(await balances(t)).toEqual({ onHand: '0', incoming: '10', averageCost: null });
    expect(await balances(t, 'coffee-kg')).toMatchObject({ incoming: '2.5' });
    expect(orderEvents[0]).toMatchObject({
      type: 'inventory.purchase-order-ordered',
      storeId: 'berlin',
      payload: {
        purchaseOrderId: draft.id,
        supplierId: 'tea-co',
        status: 'ordered',
        businessDate: '2025-03-03',
        lines: [
          { sku: 'tea-each', categoryId: 'tea', unit: 'each', ordered: '10', outstanding: '10' },
          { sku: 'coffee-kg', categoryId: 'coffee', unit: 'kg', ordered: '2.500', outstanding: '2.500' },
        ],
      },
    });
    // A placed order can no longer be edited.
    const error = await rejection(
      t.execute(editPurchaseOrder, { id: draft.id, locationId: 'berlin', supplierId: 'x' }, manager),
    );
    expect(isRetailKitError(error, 'INVALID_TRANSITION')).toBe(true);
  });

  it('receives in parts: on hand up, incoming down, ledger receipts at the order cost', async () => {
    const t = await setupInventory();
    const po = await orderedPurchaseOrder(t);
    const { result, events } = await t.run(
      receivePurchaseOrder,
      { id: po.id, locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 4 }], note: 'DN-1' },
      clerk,
    );
    expect(result.purchaseOrder.status).toBe('partially-received');
    expect(result.lines).toEqual([
      { sku: 'tea-each', quantity: '4', over: '0', unitCost: '2.00', averageCost: '2.000000', onHand: '4' },
    ]);
    expect(await balances(t)).toEqual({ onHand: '4', incoming: '6', averageCost: '2.000000' });
    const receipts = await t.movements({ reasons: ['receipt'] });
    expect(
      receipts.map((m) => [m.sku, m.quantity, m.unitCost, m.referenceType, m.referenceId, m.note]),
    ).toEqual([['tea-each', '4', '2.00', 'purchase-order', po.id, 'DN-1']]);
    expect(events.map((e) => e.type)).toEqual(['inventory.purchase-order-received']);
    expect(events[0]?.payload).toMatchObject({
      status: 'partially-received',
      receipt: [
        { sku: 'tea-each', categoryId: 'tea', unit: 'each', quantity: '4', over: '0', unitCost: '2.00' },
      ],
    });

    const rest = await t.execute(
      receivePurchaseOrder,
      {
        id: po.id,
        locationId: 'berlin',
        lines: [
          { sku: 'coffee-kg', quantity: '2.500' },
          { sku: 'tea-each', quantity: '6' },
        ],
      },
      clerk,
    );
    expect(rest.purchaseOrder.status).toBe('received');
    expect(rest.purchaseOrder.lines.map((line) => [line.sku, line.received])).toEqual([
      ['tea-each', '10'],
      ['coffee-kg', '2.500'],
    ]);
    expect(await balances(t)).toEqual({ onHand: '10', incoming: '0', averageCost: '2.000000' });
    expect(await balances(t, 'coffee-kg')).toEqual({
      onHand: '2.5',
      incoming: '0',
      averageCost: '12.400000',
    });
    // Nothing is left to receive.
    const error = await rejection(
      t.execute(receivePurchaseOrder, {
        id: po.id,
        locationId: 'berlin',
        lines: [{ sku: 'tea-each', quantity: 1 }],
      }),
    );
    expect(isRetailKitError(error, 'INVALID_TRANSITION')).toBe(true);
  });

  it('averages receipt costs exactly: 10 at 2.00 + 5 at 3.50 = 2.50; 1 at 1.00 + 2 at 2.00 = 1.666667', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10, '2.00');
    await t.receive('hamburg', 'tea-each', 1, '1.00');
    for (const [locationId, quantity, unitCost] of [
      ['berlin', 5, '3.50'],
      ['hamburg', 2, '2.00'],
    ] as const) {
      const draft = await t.execute(createPurchaseOrder, {
        locationId,
        supplierId: 'tea-co',
        lines: [{ sku: 'tea-each', quantity, unitCost }],
      });
      await t.execute(orderPurchaseOrder, { id: draft.id, locationId });
      await t.execute(receivePurchaseOrder, {
        id: draft.id,
        locationId,
        lines: [{ sku: 'tea-each', quantity }],
      });
    }
    // (10 × 2.00 + 5 × 3.50) / 15 = 37.50 / 15 = 2.50: the stock is worth exactly what it cost.
    expect(await balances(t, 'tea-each', 'berlin')).toEqual({
      onHand: '15',
      incoming: '0',
      averageCost: '2.500000',
    });
    // (1 × 1.00 + 2 × 2.00) / 3 = 1.6666…, half-even at 6 decimals; × 3 = 5.00 to the cent.
    expect((await t.level('hamburg', 'tea-each'))?.averageCost).toBe('1.666667');
  });

  it('refuses receiving more than outstanding, then allows it through the over-receipt command', async () => {
    const t = await setupInventory();
    const po = await orderedPurchaseOrder(t);
    const before = await snapshot(t);
    const input = {
      id: po.id,
      locationId: 'berlin',
      lines: [
        { sku: 'coffee-kg', quantity: '1' },
        { sku: 'tea-each', quantity: 12 },
      ],
    };
    expect(validationPaths(await rejection(t.execute(receivePurchaseOrder, input, clerk)))).toEqual([
      'lines.1.quantity',
    ]);
    expect(await snapshot(t)).toEqual(before);
    // A clerk lacks inventory.receive-over.
    expect(
      isRetailKitError(await rejection(t.execute(overReceivePurchaseOrder, input, clerk)), 'FORBIDDEN'),
    ).toBe(true);
    expect(await snapshot(t)).toEqual(before);

    const { result, events } = await t.run(overReceivePurchaseOrder, input, manager);
    expect(result.lines.find((line) => line.sku === 'tea-each')).toMatchObject({ quantity: '12', over: '2' });
    expect(result.purchaseOrder.lines[0]).toMatchObject({ ordered: '10', received: '12' });
    expect(result.purchaseOrder.status).toBe('partially-received');
    // Incoming only drops by what was outstanding.
    expect(await balances(t)).toEqual({ onHand: '12', incoming: '0', averageCost: '2.000000' });
    expect(events[0]?.type).toBe('inventory.purchase-order-received');
    expect(events[0]?.payload).toMatchObject({
      receipt: [{ sku: 'tea-each', over: '2' }, { sku: 'coffee-kg' }],
    });
  });

  it('closing releases what is still outstanding from incoming', async () => {
    const t = await setupInventory();
    const po = await orderedPurchaseOrder(t);
    await t.execute(receivePurchaseOrder, {
      id: po.id,
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 4 }],
    });
    const { result, events } = await t.run(closePurchaseOrder, { id: po.id, locationId: 'berlin' }, manager);
    expect(result.status).toBe('closed');
    expect(await balances(t)).toEqual({ onHand: '4', incoming: '0', averageCost: '2.000000' });
    expect(await balances(t, 'coffee-kg')).toMatchObject({ onHand: '0', incoming: '0' });
    expect(events[0]).toMatchObject({
      type: 'inventory.purchase-order-closed',
      payload: {
        status: 'closed',
        released: [
          { sku: 'tea-each', quantity: '6' },
          { sku: 'coffee-kg', quantity: '2.500' },
        ],
      },
    });
    for (const command of [closePurchaseOrder, cancelPurchaseOrder]) {
      const error = await rejection(t.execute(command, { id: po.id, locationId: 'berlin' }));
      expect(isRetailKitError(error, 'INVALID_TRANSITION')).toBe(true);
    }
  });

  it('cancels a draft or an ordered order with nothing received; not a partly received one', async () => {
    const t = await setupInventory();
    const draft = await t.execute(createPurchaseOrder, {
      locationId: 'berlin',
      supplierId: 's',
      lines: [{ sku: 'tea-each', quantity: 3, unitCost: '1' }],
    });
    expect((await t.execute(cancelPurchaseOrder, { id: draft.id, locationId: 'berlin' })).status).toBe(
      'cancelled',
    );
    const error = await rejection(t.execute(orderPurchaseOrder, { id: draft.id, locationId: 'berlin' }));
    expect(isRetailKitError(error, 'INVALID_TRANSITION')).toBe(true);
    expect(error).toMatchObject({ details: { from: 'cancelled', event: 'order', allowed: [] } });

    const ordered = await orderedPurchaseOrder(t);
    const { events } = await t.run(cancelPurchaseOrder, { id: ordered.id, locationId: 'berlin' }, manager);
    expect(await balances(t)).toEqual({ onHand: '0', incoming: '0', averageCost: null });
    expect(events[0]).toMatchObject({
      type: 'inventory.purchase-order-cancelled',
      payload: {
        released: [
          { sku: 'tea-each', quantity: '10' },
          { sku: 'coffee-kg', quantity: '2.500' },
        ],
      },
    });

    const partly = await orderedPurchaseOrder(t);
    await t.execute(receivePurchaseOrder, {
      id: partly.id,
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 1 }],
    });
    const before = await snapshot(t);
    const refused = await rejection(t.execute(cancelPurchaseOrder, { id: partly.id, locationId: 'berlin' }));
    expect(refused).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { from: 'partially-received', event: 'cancel', allowed: ['receive', 'close'] },
    });
    expect(await snapshot(t)).toEqual(before);
  });

  it('names the failing fields and changes nothing on bad input', async () => {
    const t = await setupInventory();
    const before = await snapshot(t);
    const create = (input: Record<string, unknown>) =>
      rejection(
        t.execute(createPurchaseOrder, {
          locationId: 'berlin',
          supplierId: 's',
          lines: [{ sku: 'tea-each', quantity: 1, unitCost: '1.00' }],
          ...input,
        } as never),
      );
    expect(validationPaths(await create({ locationId: 'nowhere' }))).toEqual(['locationId']);
    expect(validationPaths(await create({ expectedOn: '2025-02-30' }))).toEqual(['expectedOn']);
    expect(validationPaths(await create({ lines: [] }))).toEqual(['lines']);
    expect(
      validationPaths(
        await create({
          lines: [
            { sku: 'tea-each', quantity: -1, unitCost: '-1' },
            { sku: 'coffee-kg', quantity: 0, unitCost: 2 },
          ],
        }),
      ),
    ).toEqual(['lines.0.quantity', 'lines.0.unitCost', 'lines.1.quantity', 'lines.1.unitCost']);
    expect(
      validationPaths(
        await create({
          lines: [
            { sku: 'ghost', quantity: 1, unitCost: '1' },
            { sku: 'tea-each', quantity: '1.5', unitCost: '1' },
            { sku: 'coffee-kg', quantity: '0.0001', unitCost: '1' },
          ],
        }),
      ),
    ).toEqual(['lines.0.sku', 'lines.1.quantity', 'lines.2.quantity']);
    expect(
      validationPaths(
        await create({
          lines: [
            { sku: 'tea-each', quantity: 1, unitCost: '1' },
            { sku: 'tea-each', quantity: 2, unitCost: '1' },
          ],
        }),
      ),
    ).toEqual(['lines.1.sku']);
    expect(await snapshot(t)).toEqual(before);

    const po = await orderedPurchaseOrder(t);
    const ordered = await snapshot(t);
    const receive = (lines: unknown, locationId = 'berlin') =>
      rejection(t.execute(receivePurchaseOrder, { id: po.id, locationId, lines } as never));
    expect(
      validationPaths(
        await receive([
          { sku: 'hamburg-only', quantity: 1 },
          { sku: 'tea-each', quantity: '0.5' },
        ]),
      ),
    ).toEqual(['lines.0.sku', 'lines.1.quantity']);
    expect(validationPaths(await receive([{ sku: 'tea-each', quantity: 0 }]))).toEqual(['lines.0.quantity']);
    expect(
      validationPaths(
        await receive([
          { sku: 'tea-each', quantity: 1 },
          { sku: 'tea-each', quantity: 1 },
        ]),
      ),
    ).toEqual(['lines.1.sku']);
    // An order of another location reads as not found.
    expect(isRetailKitError(await receive([{ sku: 'tea-each', quantity: 1 }], 'hamburg'), 'NOT_FOUND')).toBe(
      true,
    );
    expect(await snapshot(t)).toEqual(ordered);
  });

  it('checks permissions in the order’s store', async () => {
    const t = await setupInventory();
    const input = {
      locationId: 'berlin',
      supplierId: 's',
      lines: [{ sku: 'tea-each', quantity: 1, unitCost: '1' }],
    };
    for (const actor of [aCashier('berlin'), clerk, aManager(['hamburg'])]) {
      expect(
        isRetailKitError(await rejection(t.execute(createPurchaseOrder, input, actor)), 'FORBIDDEN'),
      ).toBe(true);
    }
    const po = await orderedPurchaseOrder(t);
    const receive = { id: po.id, locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 1 }] };
    expect(
      isRetailKitError(
        await rejection(t.execute(receivePurchaseOrder, receive, aCashier('berlin'))),
        'FORBIDDEN',
      ),
    ).toBe(true);
    expect(
      isRetailKitError(
        await rejection(t.execute(receivePurchaseOrder, receive, aClerk('hamburg'))),
        'FORBIDDEN',
      ),
    ).toBe(true);
    expect(
      isRetailKitError(
        await rejection(t.execute(closePurchaseOrder, { id: po.id, locationId: 'berlin' }, clerk)),
        'FORBIDDEN',
      ),
    ).toBe(true);
  });

  it('reads one order in its store and lists them by location, status and SKU, a page at a time', async () => {
    const t = await setupInventory();
    const first = await orderedPurchaseOrder(t);
    const second = await t.execute(createPurchaseOrder, {
      locationId: 'berlin',
      supplierId: 's',
      lines: [{ sku: 'tea-each', quantity: 1, unitCost: '1' }],
    });
    const third = await t.execute(createPurchaseOrder, {
      locationId: 'hamburg',
      supplierId: 's',
      lines: [{ sku: 'coffee-kg', quantity: 1, unitCost: '1' }],
    });

    expect(await getPurchaseOrder(t.runner, { id: first.id }, { actor: aCashier('berlin') })).toEqual(first);
    expect(
      isRetailKitError(
        // Another store's staff cannot tell the order exists.
        await rejection(getPurchaseOrder(t.runner, { id: first.id }, { actor: aCashier('hamburg') })),
        'NOT_FOUND',
      ),
    ).toBe(true);
    expect(
      isRetailKitError(
        await rejection(getPurchaseOrder(t.runner, { id: 'nope' }, { actor: t.admin })),
        'NOT_FOUND',
      ),
    ).toBe(true);

    const ids = async (input: Parameters<typeof listPurchaseOrders>[1], actor = t.admin) =>
      (await listPurchaseOrders(t.runner, input, { actor })).items.map((po) => po.id);
    expect(await ids({ locationId: 'berlin' }, aCashier('berlin'))).toEqual([first.id, second.id]);
    expect(await ids({ statuses: ['draft'] })).toEqual([second.id, third.id]);
    expect(await ids({ sku: 'coffee-kg' })).toEqual([first.id, third.id]);
    const page = await listPurchaseOrders(t.runner, { limit: 2 }, { actor: t.admin });
    expect(page.items).toHaveLength(2);
    const next = await listPurchaseOrders(
      t.runner,
      { limit: 2, after: page.nextCursor ?? '' },
      { actor: t.admin },
    );
    expect(next).toMatchObject({ items: [{ id: third.id }], nextCursor: null });
    // Chain-wide listing needs a chain-wide actor.
    expect(isRetailKitError(await rejection(ids({}, aCashier('berlin'))), 'FORBIDDEN')).toBe(true);
    expect(validationPaths(await rejection(ids({ statuses: ['lost' as never] })))).toEqual(['statuses.0']);
  });
});
