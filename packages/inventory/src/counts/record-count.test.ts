import { isRetailKitError } from '@retailkit/core';
import { aCashier, aClerk } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { cancelCount } from './cancel-count.js';
import { openCount } from './open-count.js';
import { recordCount } from './record-count.js';

describe('recordCount', () => {
  it('sets counted quantities, or adds scans to them', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10);
    await t.receive('berlin', 'coffee-kg', '2');
    const { id } = await t.execute(openCount, { locationId: 'berlin' });
    const ref = { countId: id, locationId: 'berlin' };
    const clerk = aClerk('berlin');
    await t.execute(recordCount, { ...ref, lines: [{ sku: 'tea-each', quantity: 7 }] }, clerk);
    const { result, events } = await t.run(
      recordCount,
      {
        ...ref,
        mode: 'add',
        lines: [
          { sku: 'tea-each', quantity: '2' },
          { sku: 'coffee-kg', quantity: '0.750' },
          { sku: 'tea-each', quantity: 1 },
        ],
      },
      clerk,
    );
    expect(result.lines).toEqual([
      { sku: 'coffee-kg', unit: 'kg', expected: '2.000', counted: '0.750' },
      { sku: 'tea-each', unit: 'each', expected: '10', counted: '10' },
    ]);
    expect(events.map((e) => [e.type, e.stream, e.storeId])).toEqual([
      ['inventory.count-recorded', `count:${id}`, 'berlin'],
    ]);
    expect(events[0]?.payload).toEqual({
      countId: id,
      locationId: 'berlin',
      mode: 'add',
      lines: [
        { sku: 'tea-each', unit: 'each', quantity: '3', counted: '10' },
        { sku: 'coffee-kg', unit: 'kg', quantity: '0.750', counted: '0.750' },
      ],
      businessDate: '2025-03-03',
    });
    // Setting replaces, zero included.
    const after = await t.execute(recordCount, { ...ref, lines: [{ sku: 'tea-each', quantity: 0 }] });
    expect(after.lines[1]).toEqual({ sku: 'tea-each', unit: 'each', expected: '10', counted: '0' });
  });

  it('adds a SKU first found after opening to a whole-location count, expecting what was there at opening', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10);
    const { id } = await t.execute(openCount, { locationId: 'berlin' });
    t.clock.advance({ minutes: 5 });
    // Coffee arrives after the count opened: at opening there was none.
    await t.receive('berlin', 'coffee-kg', '2.000');
    const count = await t.execute(recordCount, {
      countId: id,
      locationId: 'berlin',
      lines: [{ sku: 'coffee-kg', quantity: '1.250' }],
    });
    expect(count.lines).toEqual([
      { sku: 'coffee-kg', unit: 'kg', expected: '0.000', counted: '1.250' },
      { sku: 'tea-each', unit: 'each', expected: '10', counted: null },
    ]);
  });

  it('keeps expected hidden on a blind count', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10);
    const { id } = await t.execute(openCount, { locationId: 'berlin', blind: true });
    const count = await t.execute(recordCount, {
      countId: id,
      locationId: 'berlin',
      lines: [{ sku: 'tea-each', quantity: 9 }],
    });
    expect(count.lines).toEqual([{ sku: 'tea-each', unit: 'each', expected: null, counted: '9' }]);
  });

  it('refuses bad lines, naming each, and changes nothing', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10);
    const { id } = await t.execute(openCount, { locationId: 'berlin', skus: ['tea-each'] });
    const ref = { countId: id, locationId: 'berlin' };
    const before = await t.read((repository) => repository.getCount(id));
    const cases: [unknown, string[]][] = [
      [{ ...ref, lines: [{ sku: 'coffee-kg', quantity: 1 }] }, ['lines.0.sku']],
      [{ ...ref, lines: [{ sku: 'nope', quantity: 1 }] }, ['lines.0.sku']],
      [{ ...ref, lines: [{ sku: 'tea-each', quantity: '1.5' }] }, ['lines.0.quantity']],
      [{ ...ref, lines: [{ sku: 'tea-each', quantity: -1 }] }, ['lines.0.quantity']],
      [
        {
          ...ref,
          lines: [
            { sku: 'tea-each', quantity: 1 },
            { sku: 'tea-each', quantity: 2 },
          ],
        },
        ['lines.1.sku'],
      ],
      [{ ...ref, lines: [] }, ['lines']],
      [{ ...ref, mode: 'replace', lines: [{ sku: 'tea-each', quantity: 1 }] }, ['mode']],
    ];
    for (const [input, expected] of cases) {
      expect(validationPaths(await rejection(t.execute(recordCount, input as never)))).toEqual(expected);
    }
    expect(await t.read((repository) => repository.getCount(id))).toEqual(before);
  });

  it('refuses counts of another location, unknown ones and ended ones', async () => {
    const t = await setupInventory();
    const { id } = await t.execute(openCount, { locationId: 'berlin' });
    const line = { sku: 'tea-each', quantity: 1 };
    const wrong = await rejection(
      t.execute(recordCount, { countId: id, locationId: 'hamburg', lines: [line] }),
    );
    expect(isRetailKitError(wrong, 'NOT_FOUND')).toBe(true);
    const unknown = await rejection(
      t.execute(recordCount, { countId: 'nope', locationId: 'berlin', lines: [line] }),
    );
    expect(isRetailKitError(unknown, 'NOT_FOUND')).toBe(true);
    await t.execute(cancelCount, { countId: id, locationId: 'berlin' });
    const ended = await rejection(
      t.execute(recordCount, { countId: id, locationId: 'berlin', lines: [line] }),
    );
    expect(isRetailKitError(ended, 'INVALID_TRANSITION')).toBe(true);
    expect((ended as { details: unknown }).details).toMatchObject({ from: 'cancelled', event: 'record' });
  });

  it('needs inventory.count in the location', async () => {
    const t = await setupInventory();
    const { id } = await t.execute(openCount, { locationId: 'berlin' });
    const error = await rejection(
      t.execute(
        recordCount,
        { countId: id, locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 1 }] },
        aCashier('berlin'),
      ),
    );
    expect(isRetailKitError(error, 'FORBIDDEN')).toBe(true);
  });
});
