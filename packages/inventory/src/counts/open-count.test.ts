import { isRetailKitError } from '@retailkit/core';
import { aCashier, aClerk } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { cancelCount } from './cancel-count.js';
import { listCounts } from './list-counts.js';
import { openCount, type openCountInput } from './open-count.js';

describe('openCount', () => {
  it('snapshots on hand of every SKU with a level at the location', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10, '2.00');
    await t.receive('berlin', 'coffee-kg', '1.5', '10.00');
    await t.receive('hamburg', 'tea-each', 4);
    const { result, events } = await t.run(openCount, { locationId: 'berlin' }, aClerk('berlin'));
    expect(result).toEqual({
      id: 'x-000012',
      locationId: 'berlin',
      status: 'open',
      blind: false,
      scope: 'all',
      lines: [
        { sku: 'coffee-kg', unit: 'kg', expected: '1.500', counted: null },
        { sku: 'tea-each', unit: 'each', expected: '10', counted: null },
      ],
      openedAt: '2025-03-03T09:00:00.000Z',
      postedAt: null,
      updatedAt: '2025-03-03T09:00:00.000Z',
    });
    expect(events.map((e) => [e.type, e.stream, e.storeId, e.payload])).toEqual([
      [
        'inventory.count-opened',
        'count:x-000012',
        'berlin',
        {
          countId: 'x-000012',
          locationId: 'berlin',
          scope: 'all',
          blind: false,
          lineCount: 2,
          openedAt: '2025-03-03T09:00:00.000Z',
          businessDate: '2025-03-03',
        },
      ],
    ]);
  });

  it('counts listed SKUs only, expecting zero for a SKU never stocked there', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10);
    const count = await t.execute(openCount, { locationId: 'berlin', skus: ['tea-each', 'coffee-kg'] });
    expect(count.scope).toBe('skus');
    expect(count.lines).toEqual([
      { sku: 'coffee-kg', unit: 'kg', expected: '0.000', counted: null },
      { sku: 'tea-each', unit: 'each', expected: '10', counted: null },
    ]);
  });

  it('hides expected quantities of a blind count', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10);
    const count = await t.execute(openCount, { locationId: 'berlin', blind: true });
    expect(count.lines).toEqual([{ sku: 'tea-each', unit: 'each', expected: null, counted: null }]);
    // The record keeps the snapshot.
    const stored = await t.read((repository) => repository.getCount(count.id));
    expect(stored?.lines).toEqual([{ sku: 'tea-each', expected: '10', counted: null, unitCost: null }]);
  });

  it('refuses a count overlapping an open one at the same location, until that one ends', async () => {
    const t = await setupInventory();
    const first = await t.execute(openCount, { locationId: 'berlin', skus: ['tea-each'] });
    for (const input of [
      { locationId: 'berlin', skus: ['coffee-kg', 'tea-each'] },
      { locationId: 'berlin' },
    ]) {
      const error = await rejection(t.execute(openCount, input));
      expect(isRetailKitError(error, 'CONFLICT')).toBe(true);
      expect((error as { retryable: boolean }).retryable).toBe(false);
    }
    // Other SKUs, and other locations, are fine.
    await t.execute(openCount, { locationId: 'berlin', skus: ['coffee-kg'] });
    await t.execute(openCount, { locationId: 'hamburg' });
    await t.execute(cancelCount, { countId: first.id, locationId: 'berlin' });
    await t.execute(openCount, { locationId: 'berlin', skus: ['tea-each'] });
  });

  it('names each bad field and stores nothing', async () => {
    const t = await setupInventory();
    const paths = async (input: z.input<typeof openCountInput>) =>
      validationPaths(await rejection(t.execute(openCount, input)));
    expect(await paths({ locationId: 'nowhere' })).toEqual(['locationId']);
    expect(await paths({ locationId: 'berlin', skus: ['tea-each', 'nope', 'tea-each'] })).toEqual([
      'skus.1',
      'skus.2',
    ]);
    expect(await paths({ locationId: 'berlin', skus: [] })).toEqual(['skus']);
    expect(await paths({ locationId: 'berlin', blind: 'yes' } as never)).toEqual(['blind']);
    expect(await paths({ locationId: 'berlin', extra: 1 } as never)).toEqual(['']);
    const page = await listCounts(t.runner, { locationId: 'berlin' }, { actor: t.admin });
    expect(page.items).toEqual([]);
  });

  it('needs inventory.count in the location', async () => {
    const t = await setupInventory();
    for (const actor of [aCashier('berlin'), aClerk('hamburg')]) {
      const error = await rejection(t.execute(openCount, { locationId: 'berlin' }, actor));
      expect(isRetailKitError(error, 'FORBIDDEN')).toBe(true);
    }
  });
});
