import { aClerk } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { verifyStock } from '../audit/verify-stock.js';
import { reserveStock } from '../reservations/reserve-stock.js';
import { approveTransfer } from './approve-transfer.js';
import { createTransfer } from './create-transfer.js';
import { receiveTransfer } from './receive-transfer.js';
import { requestTransfer } from './request-transfer.js';
import { shipTransfer } from './ship-transfer.js';

const route = { fromLocationId: 'central', toLocationId: 'berlin' } as const;

describe('transit losses', () => {
  it('are booked in and written off at the shipped cost, leaving on hand, available and the average alone', async () => {
    const t = await setupInventory();
    await t.receive('central', 'coffee-kg', '5', '10.00');
    await t.receive('berlin', 'coffee-kg', '1', '4.00');
    // Every gram at the destination is promised: a loss must not need available stock.
    await t.execute(reserveStock, {
      reference: 'order-1',
      locationId: 'berlin',
      lines: [{ sku: 'coffee-kg', quantity: '1' }],
    });
    const draft = await t.execute(createTransfer, { ...route, lines: [{ sku: 'coffee-kg', quantity: '3' }] });
    const ref = { id: draft.id, ...route };
    await t.execute(requestTransfer, ref);
    await t.execute(approveTransfer, ref);
    await t.execute(shipTransfer, ref);
    await t.receive('central', 'coffee-kg', '5', '20.00'); // the source's average moves on

    const { result, events } = await t.run(
      receiveTransfer,
      { ...ref, lines: [{ sku: 'coffee-kg', short: '0.5', damaged: '0.25' }] },
      aClerk('berlin'),
    );
    expect(result.lines).toEqual([
      {
        sku: 'coffee-kg',
        received: '0.000',
        over: '0.000',
        short: '0.500',
        damaged: '0.250',
        inTransit: '2.250',
        unitCost: '10.000000',
        averageCost: '4.000000',
        onHand: '1.000',
      },
    ]);
    const level = await t.level('berlin', 'coffee-kg');
    expect(level).toMatchObject({ averageCost: '4.000000' });
    expect(await t.balances('berlin', 'coffee-kg')).toEqual(['1.000', '1.000']);

    const ledger = await t.movements({ locationId: 'berlin', reasons: ['transfer-in', 'write-off'] });
    expect(ledger.map((m) => [m.reason, m.quantity, m.unitCost, m.note, m.referenceId])).toEqual([
      ['transfer-in', '0.250', '10.000000', 'damaged in transit', draft.id],
      ['write-off', '-0.250', '10.000000', 'damaged in transit', draft.id],
      ['transfer-in', '0.500', '10.000000', 'lost in transit', draft.id],
      ['write-off', '-0.500', '10.000000', 'lost in transit', draft.id],
    ]);
    expect(events.find((e) => e.type === 'inventory.transfer-received')?.payload).toMatchObject({
      currency: 'EUR',
      receipt: [
        { sku: 'coffee-kg', short: '0.500', damaged: '0.250', writtenOff: '0.750', unitCost: '10.000000' },
      ],
    });
    expect((await verifyStock(t.runner, {}, { actor: t.admin })).drifts).toEqual([]);

    // The rest arrives sellable: only it moves the average, (1 × 4.00 + 2.25 × 10.00) / 3.25.
    const rest = await t.execute(receiveTransfer, {
      ...ref,
      lines: [{ sku: 'coffee-kg', received: '2.25' }],
    });
    expect(rest.transfer.status).toBe('received');
    expect(rest.lines[0]).toMatchObject({ onHand: '3.250', averageCost: '8.153846' });
    expect((await verifyStock(t.runner, {}, { actor: t.admin })).drifts).toEqual([]);
  });
});
