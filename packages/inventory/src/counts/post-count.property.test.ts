import { isRetailKitError } from '@retailkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { adjustStock } from '../stock-commands/adjust-stock.js';
import { recordSale } from '../stock-commands/record-sale.js';
import { openCount } from './open-count.js';
import { postCount } from './post-count.js';
import { recordCount } from './record-count.js';

/** A movement made while the count is open: a sale or stock found (signed units). */
const movement = fc.oneof(
  fc.integer({ min: 1, max: 6 }).map((n) => -n),
  fc.integer({ min: 1, max: 4 }),
);

describe('postCount (property)', () => {
  it('ends at the counted quantity plus the movements made after opening', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.array(movement, { maxLength: 8 }),
        fc.integer({ min: 0, max: 8 }),
        async (initial, counted, moves, recordAfter) => {
          const t = await setupInventory();
          if (initial > 0) await t.receive('berlin', 'tea-each', initial);
          const { id } = await t.execute(openCount, { locationId: 'berlin', skus: ['tea-each'] });
          let later = 0;
          for (const [index, units] of moves.entries()) {
            t.clock.advance({ seconds: 1 });
            if (index === recordAfter) {
              await t.execute(recordCount, {
                countId: id,
                locationId: 'berlin',
                lines: [{ sku: 'tea-each', quantity: counted }],
              });
            }
            try {
              if (units < 0) {
                await t.execute(recordSale, {
                  locationId: 'berlin',
                  lines: [{ sku: 'tea-each', quantity: -units }],
                });
              } else {
                await t.execute(adjustStock, {
                  locationId: 'berlin',
                  lines: [{ sku: 'tea-each', quantity: units, reason: 'found' }],
                });
              }
              later += units;
            } catch (error) {
              // A sale beyond what is on hand is refused and moves nothing.
              if (!isRetailKitError(error, 'INSUFFICIENT_STOCK')) throw error;
            }
          }
          if (recordAfter >= moves.length) {
            await t.execute(recordCount, {
              countId: id,
              locationId: 'berlin',
              lines: [{ sku: 'tea-each', quantity: counted }],
            });
          }
          const before = await t.balances('berlin', 'tea-each');
          t.clock.advance({ seconds: 1 });
          const expected = counted + later;
          if (expected >= 0) {
            await t.execute(postCount, { countId: id, locationId: 'berlin' });
            expect(await t.balances('berlin', 'tea-each')).toEqual([String(expected), '0']);
          } else {
            // Counted fewer than were sold since: the correction would take stock below zero.
            const error = await t.execute(postCount, { countId: id, locationId: 'berlin' }).catch((e) => e);
            expect(isRetailKitError(error, 'INSUFFICIENT_STOCK')).toBe(true);
            expect(await t.balances('berlin', 'tea-each')).toEqual(before);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
