import { isRetailKitError } from '@retailkit/core';
import { aCashier, aClerk, aManager } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { registerItem } from '../items/register-item.js';
import { countVarianceReport } from './count-variance-report.js';
import { getCount } from './get-count.js';
import { listCounts } from './list-counts.js';
import { openCount } from './open-count.js';
import { postCount } from './post-count.js';
import { recordCount } from './record-count.js';

describe('countVarianceReport', () => {
  it('shows variances in units and value at average cost, with totals', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10, '2.00');
    await t.receive('berlin', 'coffee-kg', '1.500', '10.00');
    await t.execute(registerItem, { sku: 'mug-each', name: 'Mug', categoryId: null });
    const { id } = await t.execute(openCount, {
      locationId: 'berlin',
      skus: ['coffee-kg', 'mug-each', 'tea-each'],
    });
    await t.execute(recordCount, {
      countId: id,
      locationId: 'berlin',
      lines: [
        { sku: 'tea-each', quantity: 8 },
        { sku: 'coffee-kg', quantity: '1.750' },
      ],
    });
    const report = await countVarianceReport(t.runner, { countId: id }, { actor: aClerk('berlin') });
    expect(report).toEqual({
      countId: id,
      locationId: 'berlin',
      status: 'open',
      blind: false,
      currency: 'EUR',
      lines: [
        {
          sku: 'coffee-kg',
          categoryId: 'coffee',
          unit: 'kg',
          expected: '1.500',
          counted: '1.750',
          variance: '0.250',
          unitCost: '10.000000',
          value: { amount: '2.50', currency: 'EUR' },
        },
        {
          sku: 'mug-each',
          categoryId: null,
          unit: 'each',
          expected: '0',
          counted: null,
          variance: null,
          unitCost: null,
          value: null,
        },
        {
          sku: 'tea-each',
          categoryId: 'tea',
          unit: 'each',
          expected: '10',
          counted: '8',
          variance: '-2',
          unitCost: '2.000000',
          value: { amount: '-4.00', currency: 'EUR' },
        },
      ],
      totals: {
        counted: 2,
        uncounted: 1,
        unvalued: 0,
        units: [
          { unit: 'each', quantity: '-2' },
          { unit: 'kg', quantity: '0.250' },
        ],
        surplusValue: { amount: '2.50', currency: 'EUR' },
        shortageValue: { amount: '-4.00', currency: 'EUR' },
        netValue: { amount: '-1.50', currency: 'EUR' },
      },
    });
  });

  it('sums values exactly and rounds each total once, half-even', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 3, '0.005');
    await t.receive('berlin', 'coffee-kg', '3', '0.005');
    const { id } = await t.execute(openCount, { locationId: 'berlin' });
    await t.execute(recordCount, {
      countId: id,
      locationId: 'berlin',
      lines: [
        { sku: 'tea-each', quantity: 2 },
        { sku: 'coffee-kg', quantity: '2' },
      ],
    });
    const report = await countVarianceReport(t.runner, { countId: id }, { actor: t.admin });
    // Each line is −0.005 → 0.00 (half-even), but together they are −0.010 → −0.01.
    expect(report.lines.map((line) => line.value?.amount)).toEqual(['0.00', '0.00']);
    expect(report.totals.shortageValue).toEqual({ amount: '-0.01', currency: 'EUR' });
  });

  it('values a posted count at the costs its corrections were booked at', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10, '2.00');
    const { id } = await t.execute(openCount, { locationId: 'berlin' });
    await t.execute(recordCount, {
      countId: id,
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 9 }],
    });
    await t.execute(postCount, { countId: id, locationId: 'berlin' });
    // The line keeps the cost its correction was booked at.
    expect((await t.read((repository) => repository.getCount(id)))?.lines).toEqual([
      { sku: 'tea-each', expected: '10', counted: '9', unitCost: '2.000000' },
    ]);
    // Same instant as the posting: the report does not pick costs out of the ledger by time.
    await t.receive('berlin', 'tea-each', 9, '4.00'); // average now 3.00
    const report = await countVarianceReport(t.runner, { countId: id }, { actor: t.admin });
    expect(report.status).toBe('posted');
    expect(report.lines[0]).toMatchObject({
      variance: '-1',
      unitCost: '2.000000',
      value: { amount: '-2.00' },
    });
  });

  it('shows an open blind count only to reviewers, and its expected quantities to nobody through getCount', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10);
    const { id } = await t.execute(openCount, { locationId: 'berlin', blind: true });
    await t.execute(recordCount, {
      countId: id,
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 9 }],
    });
    const refused = await rejection(
      countVarianceReport(t.runner, { countId: id }, { actor: aClerk('berlin') }),
    );
    expect(isRetailKitError(refused, 'FORBIDDEN')).toBe(true);
    const manager = aManager(['berlin']);
    expect((await countVarianceReport(t.runner, { countId: id }, { actor: manager })).lines[0]).toMatchObject(
      {
        expected: '10',
        variance: '-1',
      },
    );
    for (const actor of [aClerk('berlin'), manager]) {
      expect((await getCount(t.runner, { countId: id }, { actor })).lines[0]?.expected).toBeNull();
    }
    await t.execute(postCount, { countId: id, locationId: 'berlin' });
    expect(
      (await countVarianceReport(t.runner, { countId: id }, { actor: aClerk('berlin') })).lines[0],
    ).toMatchObject({ expected: '10', counted: '9' });
    expect((await getCount(t.runner, { countId: id }, { actor: aClerk('berlin') })).lines[0]?.expected).toBe(
      '10',
    );
  });

  it('needs inventory.read in the count’s location and a known count', async () => {
    const t = await setupInventory();
    const { id } = await t.execute(openCount, { locationId: 'berlin' });
    const elsewhere = await rejection(
      countVarianceReport(t.runner, { countId: id }, { actor: aCashier('hamburg') }),
    );
    // Another store's staff cannot tell the count exists.
    expect(isRetailKitError(elsewhere, 'NOT_FOUND')).toBe(true);
    const unknown = await rejection(countVarianceReport(t.runner, { countId: 'nope' }, { actor: t.admin }));
    expect(isRetailKitError(unknown, 'NOT_FOUND')).toBe(true);
    expect(
      validationPaths(await rejection(countVarianceReport(t.runner, { countId: '' }, { actor: t.admin }))),
    ).toEqual(['countId']);
  });
});

describe('listCounts', () => {
  it('lists a location’s counts a page at a time, filtered by state', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10);
    const first = await t.execute(openCount, { locationId: 'berlin', skus: ['tea-each'] });
    await t.execute(recordCount, {
      countId: first.id,
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 10 }],
    });
    await t.execute(postCount, { countId: first.id, locationId: 'berlin' });
    const second = await t.execute(openCount, { locationId: 'berlin' });
    await t.execute(openCount, { locationId: 'hamburg' });
    const cashier = aCashier('berlin');
    const page = await listCounts(t.runner, { locationId: 'berlin', limit: 1 }, { actor: cashier });
    expect(page.items).toEqual([
      {
        id: first.id,
        locationId: 'berlin',
        status: 'posted',
        blind: false,
        scope: 'skus',
        lineCount: 1,
        countedCount: 1,
        openedAt: '2025-03-03T09:00:00.000Z',
        postedAt: '2025-03-03T09:00:00.000Z',
      },
    ]);
    const next = await listCounts(
      t.runner,
      { locationId: 'berlin', limit: 1, after: page.nextCursor ?? '' },
      { actor: cashier },
    );
    expect(next.items.map((count) => count.id)).toEqual([second.id]);
    const open = await listCounts(t.runner, { locationId: 'berlin', status: 'open' }, { actor: cashier });
    expect(open.items.map((count) => count.id)).toEqual([second.id]);
    const refused = await rejection(listCounts(t.runner, { locationId: 'hamburg' }, { actor: cashier }));
    expect(isRetailKitError(refused, 'FORBIDDEN')).toBe(true);
  });
});
