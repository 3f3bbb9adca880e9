import { type Actor, isRetailKitError, NotFoundError } from '@retailkit/core';
import { aCashier, anActor } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { countVarianceReport } from '../counts/count-variance-report.js';
import { getCount } from '../counts/get-count.js';
import { openCount } from '../counts/open-count.js';
import { createPurchaseOrder } from '../purchase-orders/create-purchase-order.js';
import { getPurchaseOrder } from '../purchase-orders/get-purchase-order.js';
import { createTransfer } from '../transfers/create-transfer.js';
import { getTransfer } from '../transfers/get-transfer.js';

/** What a caller can observe of an error. */
function observed(error: unknown) {
  const { name, code, message, details } = error as NotFoundError;
  return { name, code, message, details };
}

describe('document queries', () => {
  it('answer a store-limited actor of none of the document’s stores exactly as for a missing id', async () => {
    const t = await setupInventory();
    const transfer = await t.execute(createTransfer, {
      fromLocationId: 'central',
      toLocationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 1 }],
    });
    const order = await t.execute(createPurchaseOrder, {
      locationId: 'berlin',
      supplierId: 'leafco',
      lines: [{ sku: 'tea-each', quantity: 5, unitCost: '1.00' }],
    });
    const count = await t.execute(openCount, { locationId: 'berlin' });
    const reads: [string, (id: string, actor: Actor) => Promise<unknown>, NotFoundError][] = [
      [
        transfer.id,
        (id, actor) => getTransfer(t.runner, { id }, { actor }),
        new NotFoundError('transfer', transfer.id),
      ],
      [
        order.id,
        (id, actor) => getPurchaseOrder(t.runner, { id }, { actor }),
        new NotFoundError('purchase order', order.id),
      ],
      [
        count.id,
        (countId, actor) => getCount(t.runner, { countId }, { actor }),
        new NotFoundError('count', count.id),
      ],
      [
        count.id,
        (countId, actor) => countVarianceReport(t.runner, { countId }, { actor }),
        new NotFoundError('count', count.id),
      ],
    ];
    for (const [id, read, missing] of reads) {
      const outsider = await rejection(read(id, aCashier('hamburg')));
      expect(observed(outsider)).toEqual(observed(missing));
      // A missing id answers the same way, to the same actor.
      const unknown = await rejection(read('no-such-id', aCashier('hamburg')));
      expect(isRetailKitError(unknown, 'NOT_FOUND')).toBe(true);
      // Staff of one of its stores read it.
      await expect(read(id, aCashier('berlin'))).resolves.toBeDefined();
      // Refusals that reveal nothing across stores stay ForbiddenError: the actor's own store
      // without the permission, and a chain-wide actor without it.
      for (const actor of [
        anActor({ id: 'guest@berlin', roles: [], storeIds: ['berlin'] }),
        anActor({ id: 'guest', roles: [] }),
      ]) {
        expect(isRetailKitError(await rejection(read(id, actor)), 'FORBIDDEN')).toBe(true);
      }
    }
  });
});
