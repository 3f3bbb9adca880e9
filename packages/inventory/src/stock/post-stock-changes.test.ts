import { type CommandDefinition, type CommandOutcome, isRetailKitError } from '@retailkit/core';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { rejection } from '../../test/support/catch-error.js';
import { interceptingRunner } from '../../test/support/intercepted-storage.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { commitReservation } from '../reservations/commit-reservation.js';
import { reserveStock } from '../reservations/reserve-stock.js';
import type { InventoryStorageRepositories } from '../shared/inventory-context.js';
import { adjustStock } from '../stock-commands/adjust-stock.js';
import { recordReturn } from '../stock-commands/record-return.js';
import { recordSale } from '../stock-commands/record-sale.js';
import { setStockPolicy } from '../stock-commands/set-stock-policy.js';
import { writeOffStock } from '../stock-commands/write-off-stock.js';
import type { StockLevelRecord } from '../storage/inventory-records.js';
import { approveTransfer } from '../transfers/approve-transfer.js';
import { createTransfer } from '../transfers/create-transfer.js';
import { requestTransfer } from '../transfers/request-transfer.js';
import { shipTransfer } from '../transfers/ship-transfer.js';

describe('postStockChanges', () => {
  it('checks the backorder policy inside the guarded update, with no read of the level before it', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 2);
    await t.execute(setStockPolicy, { locationId: 'berlin', sku: 'tea-each', backorder: 'allow' });
    await t.execute(setStockPolicy, { locationId: 'berlin', sku: 'tea-each', backorder: 'refuse' });

    // On SQL a read before the update is unlocked: a sale could read `allow` just before a
    // manager's `refuse` commits. So nothing is read before the update; the update itself applies
    // the policy it finds under its row lock.
    let updated = false;
    let readsBeforeUpdate = 0;
    const floors: unknown[] = [];
    const runner = interceptingRunner(t.storage, t.clock, async (method, args, proceed) => {
      if (method === 'applyStockDelta') {
        updated = true;
        floors.push((args[2] as { availableFloor: unknown }).availableFloor);
      }
      if (method === 'getLevel' && !updated) readsBeforeUpdate += 1;
      return proceed();
    });
    const error = await rejection(
      runner.execute(
        recordSale,
        { locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 5 }] },
        { actor: t.admin },
      ),
    );
    expect(readsBeforeUpdate).toBe(0);
    expect(floors).toEqual(['policy']);
    expect(isRetailKitError(error, 'INSUFFICIENT_STOCK')).toBe(true);
    expect((error as { details: unknown }).details).toMatchObject({
      shortages: [{ locationId: 'berlin', sku: 'tea-each', requested: '5', available: '2' }],
    });
    expect(await t.balances('berlin', 'tea-each')).toEqual(['2', '0']);
    expect(await t.movements({ reasons: ['sale'] })).toEqual([]);
  });

  it('books stock leaving at the average cost as it stands under the row lock, not as read before', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10, '2.00');
    await t.receive('central', 'tea-each', 10, '2.00');
    await t.execute(reserveStock, {
      reference: 'o-1',
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 1 }],
    });
    const [reservation] = await t.reservations();
    // On SQL a receipt at 4.00 can commit between a command's unlocked read of the average and its
    // update: replay that by showing every read before the update the average before the receipt.
    await t.receive('berlin', 'tea-each', 10, '4.00');
    await t.receive('central', 'tea-each', 10, '4.00');
    let locked = false;
    const runner = interceptingRunner(t.storage, t.clock, async (method, _args, proceed) => {
      if (method === 'applyStockDelta') locked = true;
      const result = await proceed();
      if (method !== 'getLevel' || locked || result === undefined) return result;
      return { ...(result as StockLevelRecord), averageCost: '2.000000' };
    });
    const execute = async <S extends z.ZodType, R>(
      command: CommandDefinition<InventoryStorageRepositories, S, R>,
      input: z.input<S>,
    ) => {
      locked = false;
      return runner.run(command, input, { actor: t.admin });
    };
    const outcomes: CommandOutcome<unknown>[] = [
      await execute(recordSale, { locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 1 }] }),
      await execute(writeOffStock, { locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 1 }] }),
      await execute(recordReturn, {
        locationId: 'berlin',
        lines: [{ sku: 'tea-each', quantity: 1, condition: 'damaged' }],
      }),
      await execute(adjustStock, {
        locationId: 'berlin',
        lines: [{ sku: 'tea-each', quantity: -1, reason: 'theft' }],
      }),
      await execute(commitReservation, { reservationId: reservation?.id ?? '', locationId: 'berlin' }),
    ];
    const route = { fromLocationId: 'central', toLocationId: 'berlin' };
    const transfer = await t.execute(createTransfer, { ...route, lines: [{ sku: 'tea-each', quantity: 2 }] });
    await t.execute(requestTransfer, { id: transfer.id, ...route });
    await t.execute(approveTransfer, { id: transfer.id, ...route });
    outcomes.push(await execute(shipTransfer, { id: transfer.id, ...route }));

    // (10 × 2.00 + 10 × 4.00) / 20 = 3.00 at both locations.
    const costs = (await t.movements())
      .filter((movement) => movement.quantity.startsWith('-'))
      .map((movement) => [movement.reason, movement.unitCost]);
    expect(costs).toEqual([
      ['sale', '3.000000'],
      ['write-off', '3.000000'],
      ['write-off', '3.000000'],
      ['adjustment', '3.000000'],
      ['sale', '3.000000'],
      ['transfer-out', '3.000000'],
    ]);
    const eventCosts = outcomes.flatMap((outcome) =>
      outcome.events.map((event) => JSON.stringify(event.payload).match(/"unitCost":"[^"]*"/g)),
    );
    expect(eventCosts.flat().every((cost) => cost === '"unitCost":"3.000000"')).toBe(true);
    expect(eventCosts.flat().length).toBeGreaterThanOrEqual(6);
  });
});
