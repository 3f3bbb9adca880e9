import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { createPurchaseOrder } from '../purchase-orders/create-purchase-order.js';
import { reserveStock } from '../reservations/reserve-stock.js';
import { adjustStock } from '../stock-commands/adjust-stock.js';
import { setStockPolicy } from '../stock-commands/set-stock-policy.js';

/*
 * Quantities and costs are stored as NUMERIC on SQL: a value with more digits than a column holds
 * must be refused as input (a ValidationError naming the field), not fail in the database.
 */
describe('quantity and cost limits', () => {
  it('refuses quantities beyond 20 digits at the item scale, as core Quantity does', async () => {
    const t = await setupInventory();
    await t.execute(setStockPolicy, { locationId: 'berlin', sku: 'tea-each', backorder: 'allow' });
    const huge = `1${'0'.repeat(20)}`; // 10^20 each: 21 digits
    const error = await rejection(
      t.execute(reserveStock, {
        reference: 'o',
        locationId: 'berlin',
        lines: [{ sku: 'tea-each', quantity: huge }],
      }),
    );
    expect(validationPaths(error)).toEqual(['lines.0.quantity']);
    // 10^17 kg is 21 digits at the kg scale of 3.
    const kg = await rejection(
      t.execute(adjustStock, {
        locationId: 'berlin',
        lines: [{ sku: 'coffee-kg', quantity: `1${'0'.repeat(17)}`, reason: 'found' }],
      }),
    );
    expect(validationPaths(kg)).toEqual(['lines.0.quantity']);
    expect(await t.reservations()).toEqual([]);
    expect(await t.movements()).toEqual([]);
    // The largest that fits is accepted.
    await t.execute(adjustStock, {
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: '9'.repeat(20), reason: 'found' }],
    });
    expect(await t.balances('berlin', 'tea-each')).toEqual(['9'.repeat(20), '0']);
  });

  it('refuses absurdly long numbers in every quantity and cost field', async () => {
    const t = await setupInventory();
    const long = `${'9'.repeat(40)}.5`;
    const policy = await rejection(
      t.execute(setStockPolicy, { locationId: 'berlin', sku: 'tea-each', safetyStock: long }),
    );
    expect(validationPaths(policy)).toEqual(['safetyStock']);
    const cost = await rejection(
      t.execute(createPurchaseOrder, {
        locationId: 'berlin',
        supplierId: 's',
        lines: [{ sku: 'tea-each', quantity: 1, unitCost: long }],
      }),
    );
    expect(validationPaths(cost)).toEqual(['lines.0.unitCost']);
    const fine = await rejection(
      t.execute(createPurchaseOrder, {
        locationId: 'berlin',
        supplierId: 's',
        lines: [{ sku: 'tea-each', quantity: 1, unitCost: `0.${'1'.repeat(12)}` }],
      }),
    );
    expect(validationPaths(fine)).toEqual(['lines.0.unitCost']);
    expect(await t.read((repository) => repository.listPurchaseOrders({}, { limit: 10 }))).toMatchObject({
      items: [],
    });
  });
});
