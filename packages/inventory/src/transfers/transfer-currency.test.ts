import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { defineLocation } from '../locations/define-location.js';
import { setReorderRule } from '../replenishment/set-reorder-rule.js';
import { createTransfer } from './create-transfer.js';

describe('transfers between currencies', () => {
  it('are refused: the cost stock ships at would land in an average kept in another currency', async () => {
    const t = await setupInventory();
    await t.execute(defineLocation, {
      id: 'london',
      kind: 'store',
      name: 'London',
      timeZone: 'Europe/London',
      currency: 'GBP',
    });
    await t.receive('central', 'tea-each', 10, '2.00');
    const error = await rejection(
      t.execute(createTransfer, {
        fromLocationId: 'central',
        toLocationId: 'london',
        lines: [{ sku: 'tea-each', quantity: 4 }],
      }),
    );
    expect(validationPaths(error)).toEqual(['toLocationId']);
    expect(await t.read((repository) => repository.listTransfers({}, { limit: 10 }))).toMatchObject({
      items: [],
    });

    const ruleError = await rejection(
      t.execute(setReorderRule, {
        locationId: 'london',
        sku: 'tea-each',
        reorderPoint: '5',
        method: 'fixed-quantity',
        reorderQuantity: '10',
        source: { kind: 'transfer', fromLocationId: 'central' },
      }),
    );
    expect(validationPaths(ruleError)).toEqual(['source.fromLocationId']);
    expect(
      await t.read((repository) => repository.getReorderRule({ locationId: 'london', sku: 'tea-each' })),
    ).toBe(undefined);
  });
});
