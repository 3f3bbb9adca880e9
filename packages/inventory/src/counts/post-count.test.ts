import { isRetailKitError } from '@retailkit/core';
import { aCashier, aClerk } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { reserveStock } from '../reservations/reserve-stock.js';
import { recordSale } from '../stock-commands/record-sale.js';
import { cancelCount } from './cancel-count.js';
import { getCount } from './get-count.js';
import { openCount } from './open-count.js';
import { postCount } from './post-count.js';
import { recordCount } from './record-count.js';

describe('postCount', () => {
  it('books count corrections and leaves uncounted SKUs alone', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10, '2.00');
    await t.receive('berlin', 'coffee-kg', '1.500', '10.00');
    const { id } = await t.execute(openCount, { locationId: 'berlin' });
    const ref = { countId: id, locationId: 'berlin' };
    await t.execute(recordCount, { ...ref, lines: [{ sku: 'tea-each', quantity: 8 }] });
    t.clock.advance({ hours: 1 });
    const { result, events } = await t.run(postCount, ref, aClerk('berlin'));
    expect(result.corrections).toEqual([
      { sku: 'tea-each', unit: 'each', expected: '10', counted: '8', correction: '-2' },
    ]);
    expect(result.uncounted).toEqual(['coffee-kg']);
    expect(result.count).toMatchObject({ status: 'posted', postedAt: '2025-03-03T10:00:00.000Z' });
    expect(await t.balances('berlin', 'tea-each')).toEqual(['8', '0']);
    expect(await t.balances('berlin', 'coffee-kg')).toEqual(['1.500', '0.000']);
    const movements = await t.movements({ reasons: ['count-correction'] });
    expect(
      movements.map((m) => [m.sku, m.quantity, m.unitCost, m.referenceType, m.referenceId, m.actorId]),
    ).toEqual([['tea-each', '-2', '2.000000', 'count', id, 'clerk@berlin']]);
    expect(events.map((e) => [e.type, e.stream, e.storeId])).toEqual([
      ['inventory.count-posted', `count:${id}`, 'berlin'],
    ]);
    expect(events[0]?.payload).toEqual({
      countId: id,
      locationId: 'berlin',
      currency: 'EUR',
      openedAt: '2025-03-03T09:00:00.000Z',
      zeroUncounted: false,
      businessDate: '2025-03-03',
      lines: [
        {
          sku: 'tea-each',
          categoryId: 'tea',
          unit: 'each',
          expected: '10',
          counted: '8',
          correction: '-2',
          unitCost: '2.000000',
        },
      ],
      uncounted: ['coffee-kg'],
    });
    // Each line keeps the cost its correction was booked at; the uncounted one booked nothing.
    expect((await t.read((repository) => repository.getCount(id)))?.lines).toEqual([
      { sku: 'coffee-kg', expected: '1.500', counted: null, unitCost: null },
      { sku: 'tea-each', expected: '10', counted: '8', unitCost: '2.000000' },
    ]);
  });

  it('keeps sales made after opening on top of the counted quantity', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10);
    const { id } = await t.execute(openCount, { locationId: 'berlin', skus: ['tea-each'] });
    t.clock.advance({ minutes: 10 });
    await t.execute(recordSale, { locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 3 }] });
    // The shelf held 9 when the count opened (one had gone missing); 3 sold since.
    await t.execute(recordCount, {
      countId: id,
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 9 }],
    });
    const { corrections } = await t.execute(postCount, { countId: id, locationId: 'berlin' });
    expect(corrections).toEqual([
      { sku: 'tea-each', unit: 'each', expected: '10', counted: '9', correction: '-1' },
    ]);
    expect(await t.balances('berlin', 'tea-each')).toEqual(['6', '0']);
  });

  it('counts uncounted SKUs as zero when asked', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10);
    await t.receive('berlin', 'coffee-kg', '1.5');
    const { id } = await t.execute(openCount, { locationId: 'berlin' });
    await t.execute(recordCount, {
      countId: id,
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 10 }],
    });
    const result = await t.execute(postCount, { countId: id, locationId: 'berlin', zeroUncounted: true });
    expect(result.uncounted).toEqual([]);
    expect(result.corrections).toEqual([
      { sku: 'coffee-kg', unit: 'kg', expected: '1.500', counted: '0.000', correction: '-1.500' },
      { sku: 'tea-each', unit: 'each', expected: '10', counted: '10', correction: '0' },
    ]);
    expect(result.count.lines).toEqual([
      { sku: 'coffee-kg', unit: 'kg', expected: '1.500', counted: '0.000' },
      { sku: 'tea-each', unit: 'each', expected: '10', counted: '10' },
    ]);
    expect(await t.balances('berlin', 'coffee-kg')).toEqual(['0.000', '0.000']);
    // A zero correction books nothing.
    expect((await t.movements({ reasons: ['count-correction'] })).map((m) => m.sku)).toEqual(['coffee-kg']);
  });

  it('refuses corrections that would take available below zero, naming the blocked SKUs, and changes nothing', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10);
    await t.execute(reserveStock, {
      reference: 'order-1',
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 8 }],
    });
    const { id } = await t.execute(openCount, { locationId: 'berlin' });
    const ref = { countId: id, locationId: 'berlin' };
    await t.execute(recordCount, { ...ref, lines: [{ sku: 'tea-each', quantity: 5 }] });
    const before = await t.movements();
    const error = await rejection(t.execute(postCount, ref));
    expect(isRetailKitError(error, 'INSUFFICIENT_STOCK')).toBe(true);
    expect((error as Error).message).toContain(`Count "${id}" cannot be posted`);
    expect((error as Error).message).toContain('tea-each (counted 5, correction -5, available only 2)');
    expect((error as { details: unknown }).details).toMatchObject({
      countId: id,
      locationId: 'berlin',
      blocked: [{ sku: 'tea-each', expected: '10', counted: '5', correction: '-5', available: '2' }],
    });
    expect(await t.balances('berlin', 'tea-each')).toEqual(['10', '8']);
    expect(await t.movements()).toEqual(before);
    expect((await getCount(t.runner, { countId: id }, { actor: t.admin })).status).toBe('open');
  });

  it('posts a count only once, and never a cancelled one', async () => {
    const t = await setupInventory();
    const posted = await t.execute(openCount, { locationId: 'berlin', skus: ['tea-each'] });
    await t.execute(postCount, { countId: posted.id, locationId: 'berlin' });
    const again = await rejection(t.execute(postCount, { countId: posted.id, locationId: 'berlin' }));
    expect(isRetailKitError(again, 'INVALID_TRANSITION')).toBe(true);
    const cancelled = await t.execute(openCount, { locationId: 'berlin', skus: ['tea-each'] });
    const { events } = await t.run(cancelCount, {
      countId: cancelled.id,
      locationId: 'berlin',
      reason: 'wrong aisle',
    });
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      [
        'inventory.count-cancelled',
        { countId: cancelled.id, locationId: 'berlin', reason: 'wrong aisle', businessDate: '2025-03-03' },
      ],
    ]);
    const error = await rejection(t.execute(postCount, { countId: cancelled.id, locationId: 'berlin' }));
    expect(isRetailKitError(error, 'INVALID_TRANSITION')).toBe(true);
    const cancelAgain = await rejection(
      t.execute(cancelCount, { countId: cancelled.id, locationId: 'berlin' }),
    );
    expect(isRetailKitError(cancelAgain, 'INVALID_TRANSITION')).toBe(true);
  });

  it('needs inventory.count in the count’s location', async () => {
    const t = await setupInventory();
    const { id } = await t.execute(openCount, { locationId: 'berlin' });
    const forbidden = await rejection(
      t.execute(postCount, { countId: id, locationId: 'berlin' }, aCashier('berlin')),
    );
    expect(isRetailKitError(forbidden, 'FORBIDDEN')).toBe(true);
    const elsewhere = await rejection(
      t.execute(postCount, { countId: id, locationId: 'hamburg' }, aClerk('hamburg')),
    );
    expect(isRetailKitError(elsewhere, 'NOT_FOUND')).toBe(true);
  });
});
