import { isRetailKitError } from '@retailkit/core';
import { describe, expect, it } from 'vitest';
import { rejection } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { openCount } from './open-count.js';
import { postCount } from './post-count.js';
import { recordCount } from './record-count.js';

describe('overlapping counts', () => {
  it('a count opened beside another one (a race openCount cannot see on SQL) cannot book its correction twice', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10);
    const first = await t.execute(openCount, { locationId: 'berlin', skus: ['tea-each'] });
    // openCount refuses an overlap by reading the open counts without a lock, so two clerks opening
    // at the same moment on SQL both get their count. Store the second one as that race leaves it.
    const stored = await t.read((repository) => repository.getCount(first.id));
    if (!stored) throw new Error('count not stored');
    await t.read((repository) => repository.insertCount({ ...stored, id: 'second-count' }));

    for (const countId of [first.id, 'second-count']) {
      await t.execute(recordCount, {
        countId,
        locationId: 'berlin',
        lines: [{ sku: 'tea-each', quantity: 8 }],
      });
    }
    t.clock.advance({ minutes: 30 });
    await t.execute(postCount, { countId: first.id, locationId: 'berlin' });
    expect(await t.balances('berlin', 'tea-each')).toEqual(['8', '0']);

    t.clock.advance({ minutes: 5 });
    const error = await rejection(t.execute(postCount, { countId: 'second-count', locationId: 'berlin' }));
    expect(isRetailKitError(error, 'CONFLICT')).toBe(true);
    expect(error).toMatchObject({
      retryable: false,
      details: { countId: 'second-count', skus: ['tea-each'] },
    });
    // Counted 8 once: the second correction of −2 was not booked on top.
    expect(await t.balances('berlin', 'tea-each')).toEqual(['8', '0']);
    expect((await t.movements({ reasons: ['count-correction'] })).map((m) => m.quantity)).toEqual(['-2']);
  });

  it('a count opened after another one was posted posts normally', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10);
    const first = await t.execute(openCount, { locationId: 'berlin', skus: ['tea-each'] });
    await t.execute(recordCount, {
      countId: first.id,
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 8 }],
    });
    await t.execute(postCount, { countId: first.id, locationId: 'berlin' });
    // Same instant as the first posting (a fake clock): still not an overlap.
    const second = await t.execute(openCount, { locationId: 'berlin' });
    await t.execute(recordCount, {
      countId: second.id,
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 7 }],
    });
    t.clock.advance({ minutes: 5 });
    await t.execute(postCount, { countId: second.id, locationId: 'berlin' });
    expect(await t.balances('berlin', 'tea-each')).toEqual(['7', '0']);
  });
});
