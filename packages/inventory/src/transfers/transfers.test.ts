import { isRetailKitError } from '@retailkit/core';
import { aCashier, aClerk, aManager } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { type InventorySetup, setupInventory } from '../../test/support/setup-inventory.js';
import { toUnits } from '../stock/stock-units.js';
import { approveTransfer } from './approve-transfer.js';
import { cancelTransfer } from './cancel-transfer.js';
import { createTransfer } from './create-transfer.js';
import { getTransfer } from './get-transfer.js';
import { listTransfers } from './list-transfers.js';
import { receiveTransfer } from './receive-transfer.js';
import { requestTransfer } from './request-transfer.js';
import { shipTransfer } from './ship-transfer.js';

const route = { fromLocationId: 'central', toLocationId: 'berlin' } as const;
const both = aManager(['central', 'berlin']);
const clerk = aClerk('central', 'clerk@both');
const bothClerk = { ...clerk, storeIds: ['central', 'berlin'] };

function snapshot(t: InventorySetup) {
  return t.read(async (repository) => ({
    levels: (await repository.listLevels({}, { limit: 1000 })).items,
    movements: (await repository.listMovements({}, { limit: 1000 })).items,
    transfers: (await repository.listTransfers({}, { limit: 1000 })).items,
  }));
}

async function figures(t: InventorySetup, locationId: string, sku = 'tea-each') {
  const level = await t.level(locationId, sku);
  return {
    onHand: level?.onHand ?? '0',
    incoming: level?.incoming ?? '0',
    inTransit: level?.inTransit ?? '0',
    averageCost: level?.averageCost ?? null,
  };
}

/** Central holds 20 tea at 2.00 and 5 kg coffee at 10.00; a transfer of 10 tea + 2 kg is approved. */
async function approvedTransfer(t: InventorySetup) {
  await t.receive('central', 'tea-each', 20, '2.00');
  await t.receive('central', 'coffee-kg', '5', '10.00');
  const draft = await t.execute(
    createTransfer,
    {
      ...route,
      lines: [
        { sku: 'tea-each', quantity: 10 },
        { sku: 'coffee-kg', quantity: '2' },
      ],
    },
    bothClerk,
  );
  await t.execute(requestTransfer, { id: draft.id, ...route }, bothClerk);
  return t.execute(approveTransfer, { id: draft.id, ...route }, both);
}

describe('transfers', () => {
  it('runs draft → requested → approved → shipped → partially received → received with discrepancies', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10, '1.00');
    const approved = await approvedTransfer(t);
    expect(approved).toMatchObject({ status: 'approved', version: 3, shippedAt: null });
    expect(approved.lines[1]).toEqual({
      sku: 'coffee-kg',
      requested: '2.000',
      shipped: '0.000',
      received: '0.000',
      short: '0.000',
      over: '0.000',
      damaged: '0.000',
      unitCost: null,
    });
    // Nothing moved before shipping.
    expect(await figures(t, 'berlin')).toMatchObject({ onHand: '10', incoming: '0', inTransit: '0' });

    const { result: shipped, events: shipEvents } = await t.run(
      shipTransfer,
      { id: approved.id, ...route, lines: [{ sku: 'tea-each', quantity: 8 }] },
      bothClerk,
    );
    expect(shipped).toMatchObject({ status: 'shipped', shippedAt: '2025-03-03T09:00:00.000Z' });
    // Each line keeps the source's average it left at.
    expect(shipped.lines.map((line) => [line.sku, line.shipped, line.unitCost])).toEqual([
      ['tea-each', '8', '2.000000'],
      ['coffee-kg', '2.000', '10.000000'],
    ]);
    expect(await t.read((repository) => repository.getTransfer(approved.id))).toEqual(shipped);
    expect(await figures(t, 'central')).toMatchObject({ onHand: '12', averageCost: '2.000000' });
    expect(await figures(t, 'berlin')).toMatchObject({ onHand: '10', incoming: '8', inTransit: '8' });
    expect(await figures(t, 'berlin', 'coffee-kg')).toMatchObject({ incoming: '2', inTransit: '2' });
    const out = await t.movements({ reasons: ['transfer-out'] });
    expect(out.map((m) => [m.locationId, m.sku, m.quantity, m.unitCost, m.referenceId])).toEqual([
      ['central', 'tea-each', '-8', '2.000000', approved.id],
      ['central', 'coffee-kg', '-2.000', '10.000000', approved.id],
    ]);
    expect(shipEvents.find((e) => e.type === 'inventory.transfer-shipped')).toMatchObject({
      storeId: 'central',
      stream: `transfer:${approved.id}`,
      payload: {
        status: 'shipped',
        currency: 'EUR',
        lines: [
          { sku: 'tea-each', shipped: '8', unitCost: '2.000000' },
          { sku: 'coffee-kg', shipped: '2.000', unitCost: '10.000000' },
        ],
        shipment: [
          { sku: 'tea-each', quantity: '8', unitCost: '2.000000', categoryId: 'tea', unit: 'each' },
          { sku: 'coffee-kg', quantity: '2.000', unitCost: '10.000000', categoryId: 'coffee', unit: 'kg' },
        ],
      },
    });

    // Later receipts use the cost the stock left at, even if the source's average moved since.
    await t.receive('central', 'tea-each', 12, '4.00');
    t.clock.advance({ minutes: 1 });
    const first = await t.execute(
      receiveTransfer,
      { id: approved.id, ...route, lines: [{ sku: 'tea-each', received: 5 }] },
      aClerk('berlin'),
    );
    expect(first.transfer.status).toBe('partially-received');
    expect(first.lines).toEqual([
      {
        sku: 'tea-each',
        received: '5',
        over: '0',
        short: '0',
        damaged: '0',
        inTransit: '3',
        unitCost: '2.000000',
        // (10 × 1.00 + 5 × 2.00) / 15
        averageCost: '1.333333',
        onHand: '15',
      },
    ]);
    expect(await figures(t, 'berlin')).toMatchObject({ onHand: '15', incoming: '3', inTransit: '3' });

    const { result: last, events } = await t.run(
      receiveTransfer,
      {
        id: approved.id,
        ...route,
        lines: [
          { sku: 'tea-each', received: 1, short: 1, damaged: 1 },
          { sku: 'coffee-kg', received: '2.1' },
        ],
        note: 'crate 2',
      },
      aClerk('berlin'),
    );
    expect(last.transfer.status).toBe('received');
    expect(last.transfer.lines).toEqual([
      {
        sku: 'tea-each',
        requested: '10',
        shipped: '8',
        received: '6',
        short: '1',
        over: '0',
        damaged: '1',
        unitCost: '2.000000',
      },
      {
        sku: 'coffee-kg',
        requested: '2.000',
        shipped: '2.000',
        received: '2.100',
        short: '0.000',
        over: '0.100',
        damaged: '0.000',
        unitCost: '10.000000',
      },
    ]);
    // Losses leave on hand and the average alone: (15 × 1.333333 + 1 × 2.00) / 16.
    expect(await figures(t, 'berlin')).toEqual({
      onHand: '16',
      incoming: '0',
      inTransit: '0',
      averageCost: '1.375000',
    });
    expect(await figures(t, 'berlin', 'coffee-kg')).toEqual({
      onHand: '2.1',
      incoming: '0',
      inTransit: '0',
      averageCost: '10.000000',
    });
    const into = await t.movements({ reasons: ['transfer-in'] });
    expect(into.map((m) => [m.sku, m.quantity, m.unitCost, m.note])).toEqual([
      ['tea-each', '5', '2.000000', null],
      ['tea-each', '1', '2.000000', 'crate 2'],
      ['tea-each', '1', '2.000000', 'damaged in transit'],
      ['tea-each', '1', '2.000000', 'lost in transit'],
      ['coffee-kg', '2.100', '10.000000', 'crate 2'],
    ]);
    // Each loss comes in and is written off at once, at the cost it shipped at: shrink shows in the ledger.
    const berlinLedger = await t.movements({ locationId: 'berlin', sku: 'tea-each' });
    expect(
      berlinLedger
        .filter((m) => m.referenceId === approved.id)
        .map((m) => [m.reason, m.quantity, m.unitCost, m.note, m.referenceType]),
    ).toEqual([
      ['transfer-in', '5', '2.000000', null, 'transfer'],
      ['transfer-in', '1', '2.000000', 'crate 2', 'transfer'],
      ['transfer-in', '1', '2.000000', 'damaged in transit', 'transfer'],
      ['write-off', '-1', '2.000000', 'damaged in transit', 'transfer'],
      ['transfer-in', '1', '2.000000', 'lost in transit', 'transfer'],
      ['write-off', '-1', '2.000000', 'lost in transit', 'transfer'],
    ]);
    // Conservation in the ledger: out = −shipped, in = shipped + over, write-offs = −(short + damaged).
    const legs = await t.movements({ sku: 'tea-each' });
    const net = (reason: string) =>
      legs
        .filter((m) => m.referenceId === approved.id && m.reason === reason)
        .reduce((sum, m) => sum + toUnits(m.quantity, 0), 0n);
    expect([net('transfer-out'), net('transfer-in'), net('write-off')]).toEqual([-8n, 8n, -2n]);
    const received = events.find((e) => e.type === 'inventory.transfer-received');
    expect(received).toMatchObject({
      storeId: 'berlin',
      payload: {
        status: 'received',
        note: 'crate 2',
        currency: 'EUR',
        discrepancies: [
          {
            sku: 'tea-each',
            received: '1',
            short: '1',
            damaged: '1',
            over: '0',
            writtenOff: '2',
            unitCost: '2.000000',
          },
          {
            sku: 'coffee-kg',
            received: '2.100',
            over: '0.100',
            short: '0.000',
            damaged: '0.000',
            writtenOff: '0.000',
            unitCost: '10.000000',
          },
        ],
      },
    });
    expect((await t.stream(`transfer:${approved.id}`)).map((e) => e.type)).toEqual([
      'inventory.transfer-created',
      'inventory.transfer-requested',
      'inventory.transfer-approved',
      'inventory.transfer-shipped',
      'inventory.transfer-received',
      'inventory.transfer-received',
    ]);
    const error = await rejection(
      t.execute(receiveTransfer, { id: approved.id, ...route, lines: [{ sku: 'tea-each', received: 1 }] }),
    );
    expect(isRetailKitError(error, 'INVALID_TRANSITION')).toBe(true);
  });

  it('cancels before shipping only', async () => {
    const t = await setupInventory();
    const approved = await approvedTransfer(t);
    const other = await t.execute(createTransfer, { ...route, lines: [{ sku: 'tea-each', quantity: 1 }] });
    const { result, events } = await t.run(cancelTransfer, { id: other.id, ...route }, bothClerk);
    expect(result.status).toBe('cancelled');
    expect(events.map((e) => [e.type, e.payload])).toMatchObject([
      ['inventory.transfer-cancelled', { previousStatus: 'draft', status: 'cancelled' }],
    ]);

    await t.execute(shipTransfer, { id: approved.id, ...route });
    const before = await snapshot(t);
    const error = await rejection(t.execute(cancelTransfer, { id: approved.id, ...route }));
    expect(error).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { from: 'shipped', event: 'cancel', allowed: ['receive'] },
    });
    expect(await snapshot(t)).toEqual(before);
  });

  it('refuses shipping more than on hand, changing nothing', async () => {
    const t = await setupInventory();
    await t.receive('central', 'tea-each', 3);
    const draft = await t.execute(createTransfer, { ...route, lines: [{ sku: 'tea-each', quantity: 5 }] });
    await t.execute(requestTransfer, { id: draft.id, ...route });
    await t.execute(approveTransfer, { id: draft.id, ...route });
    const before = await snapshot(t);
    const error = await rejection(t.execute(shipTransfer, { id: draft.id, ...route }));
    expect(isRetailKitError(error, 'INSUFFICIENT_STOCK')).toBe(true);
    expect(await snapshot(t)).toEqual(before);
    // Shipping what is there works.
    const shipped = await t.execute(shipTransfer, {
      id: draft.id,
      ...route,
      lines: [{ sku: 'tea-each', quantity: 3 }],
    });
    expect(shipped.lines[0]).toMatchObject({ requested: '5', shipped: '3' });
  });

  it('names the failing fields and changes nothing on bad input', async () => {
    const t = await setupInventory();
    const before = await snapshot(t);
    const create = (input: Record<string, unknown>) =>
      rejection(
        t.execute(createTransfer, { ...route, lines: [{ sku: 'tea-each', quantity: 1 }], ...input } as never),
      );
    expect(validationPaths(await create({ toLocationId: 'central' }))).toEqual(['toLocationId']);
    expect(validationPaths(await create({ fromLocationId: 'nowhere' }))).toEqual(['fromLocationId']);
    expect(validationPaths(await create({ toLocationId: 'nowhere' }))).toEqual(['toLocationId']);
    expect(
      validationPaths(
        await create({
          lines: [
            { sku: 'ghost', quantity: 1 },
            { sku: 'tea-each', quantity: '0.5' },
            { sku: 'coffee-kg', quantity: -1 },
          ],
        }),
      ),
    ).toEqual(['lines.2.quantity']);
    expect(
      validationPaths(
        await create({
          lines: [
            { sku: 'ghost', quantity: 1 },
            { sku: 'tea-each', quantity: '0.5' },
          ],
        }),
      ),
    ).toEqual(['lines.0.sku', 'lines.1.quantity']);
    expect(
      validationPaths(
        await create({
          lines: [
            { sku: 'tea-each', quantity: 1 },
            { sku: 'tea-each', quantity: 1 },
          ],
        }),
      ),
    ).toEqual(['lines.1.sku']);
    expect(await snapshot(t)).toEqual(before);

    const approved = await approvedTransfer(t);
    const ready = await snapshot(t);
    const ship = (lines: unknown) =>
      rejection(t.execute(shipTransfer, { id: approved.id, ...route, lines } as never));
    expect(validationPaths(await ship([{ sku: 'tea-each', quantity: 11 }]))).toEqual(['lines.0.quantity']);
    expect(
      validationPaths(
        await ship([
          { sku: 'tea-each', quantity: 0 },
          { sku: 'coffee-kg', quantity: 0 },
        ]),
      ),
    ).toEqual(['lines']);
    expect(validationPaths(await ship([{ sku: 'ghost', quantity: 1 }]))).toEqual(['lines.0.sku']);
    // Naming the wrong route reads as not found.
    const wrong = await rejection(
      t.execute(shipTransfer, { id: approved.id, fromLocationId: 'central', toLocationId: 'hamburg' }),
    );
    expect(isRetailKitError(wrong, 'NOT_FOUND')).toBe(true);
    expect(await snapshot(t)).toEqual(ready);

    await t.execute(shipTransfer, { id: approved.id, ...route, lines: [{ sku: 'tea-each', quantity: 4 }] });
    const shipped = await snapshot(t);
    const receive = (lines: unknown) =>
      rejection(t.execute(receiveTransfer, { id: approved.id, ...route, lines } as never));
    expect(
      validationPaths(
        await receive([
          { sku: 'tea-each', short: 3, damaged: 2 },
          { sku: 'coffee-kg', damaged: '2.5' },
        ]),
      ),
    ).toEqual(['lines.0.damaged', 'lines.1.damaged']);
    expect(validationPaths(await receive([{ sku: 'tea-each', short: 5 }]))).toEqual(['lines.0.short']);
    expect(validationPaths(await receive([{ sku: 'tea-each' }]))).toEqual(['lines.0']);
    expect(validationPaths(await receive([{ sku: 'tea-each', received: '1.5', short: -1 }]))).toEqual([
      'lines.0.short',
    ]);
    expect(validationPaths(await receive([{ sku: 'tea-each', received: '1.5' }]))).toEqual([
      'lines.0.received',
    ]);
    expect(validationPaths(await receive([{ sku: 'coffee-kg', received: '0.0005' }]))).toEqual([
      'lines.0.received',
    ]);
    expect(await snapshot(t)).toEqual(shipped);
  });

  it('needs rights at both ends to create and ship, approval by a manager, and the destination to receive', async () => {
    const t = await setupInventory();
    const input = { ...route, lines: [{ sku: 'tea-each', quantity: 1 }] };
    for (const actor of [aClerk('berlin'), aCashier('central'), aClerk('central')]) {
      expect(isRetailKitError(await rejection(t.execute(createTransfer, input, actor)), 'FORBIDDEN')).toBe(
        true,
      );
    }
    await t.receive('central', 'tea-each', 5);
    const draft = await t.execute(createTransfer, input, bothClerk);
    await t.execute(requestTransfer, { id: draft.id, ...route }, bothClerk);
    expect(
      isRetailKitError(
        await rejection(t.execute(approveTransfer, { id: draft.id, ...route }, bothClerk)),
        'FORBIDDEN',
      ),
    ).toBe(true);
    await t.execute(approveTransfer, { id: draft.id, ...route }, both);
    expect(
      isRetailKitError(
        await rejection(t.execute(shipTransfer, { id: draft.id, ...route }, aClerk('berlin'))),
        'FORBIDDEN',
      ),
    ).toBe(true);
    await t.execute(shipTransfer, { id: draft.id, ...route }, bothClerk);
    const receipt = { id: draft.id, ...route, lines: [{ sku: 'tea-each', received: 1 }] };
    expect(
      isRetailKitError(await rejection(t.execute(receiveTransfer, receipt, aClerk('central'))), 'FORBIDDEN'),
    ).toBe(true);
    expect((await t.execute(receiveTransfer, receipt, aClerk('berlin'))).transfer.status).toBe('received');
  });

  it('reads a transfer at either end and lists them', async () => {
    const t = await setupInventory();
    const one = await t.execute(createTransfer, { ...route, lines: [{ sku: 'tea-each', quantity: 1 }] });
    const two = await t.execute(createTransfer, {
      fromLocationId: 'hamburg',
      toLocationId: 'central',
      lines: [{ sku: 'coffee-kg', quantity: 1 }],
    });
    expect(await getTransfer(t.runner, { id: one.id }, { actor: aCashier('berlin') })).toEqual(one);
    expect(await getTransfer(t.runner, { id: one.id }, { actor: aCashier('central') })).toEqual(one);
    // Staff of another store cannot tell it exists.
    const hidden = await rejection(getTransfer(t.runner, { id: one.id }, { actor: aCashier('hamburg') }));
    expect(isRetailKitError(hidden, 'NOT_FOUND')).toBe(true);
    expect(
      isRetailKitError(await rejection(getTransfer(t.runner, { id: 'x' }, { actor: t.admin })), 'NOT_FOUND'),
    ).toBe(true);

    const ids = async (input: Parameters<typeof listTransfers>[1]) =>
      (await listTransfers(t.runner, input, { actor: t.admin })).items.map((row) => row.id);
    expect(await ids({ locationId: 'central' })).toEqual([one.id, two.id]);
    expect(await ids({ locationId: 'central', direction: 'inbound' })).toEqual([two.id]);
    expect(await ids({ sku: 'tea-each' })).toEqual([one.id]);
    expect(await ids({ statuses: ['requested'] })).toEqual([]);
  });
});
