import { isRetailKitError } from '@retailkit/core';
import { aCashier } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { recordSale } from '../stock-commands/record-sale.js';
import { listStockMovements } from './list-stock-movements.js';

async function history() {
  // Starts Sunday 2025-03-02 23:30 Berlin (22:30Z): still the 2nd locally.
  const t = await setupInventory({ start: '2025-03-02T22:30:00.000Z' });
  await t.receive('berlin', 'tea-each', 10);
  t.clock.set('2025-03-02T23:30:00.000Z'); // 00:30 on the 3rd in Berlin
  await t.receive('berlin', 'coffee-kg', '2');
  await t.execute(recordSale, { locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 2 }] });
  t.clock.set('2025-03-04T10:00:00.000Z');
  await t.execute(recordSale, { locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 1 }] });
  await t.receive('hamburg', 'tea-each', 5);
  return t;
}

describe('listStockMovements', () => {
  it('filters by location, SKU and reason, oldest first, with quantities at the item scale', async () => {
    const t = await history();
    const page = await listStockMovements(
      t.runner,
      { locationId: 'berlin', sku: 'tea-each', reasons: ['sale'] },
      { actor: aCashier('berlin') },
    );
    expect(page.items.map((m) => [m.reason, m.quantity, m.unit, m.businessDate])).toEqual([
      ['sale', '-2', 'each', '2025-03-03'],
      ['sale', '-1', 'each', '2025-03-04'],
    ]);
    const coffee = await listStockMovements(t.runner, { sku: 'coffee-kg' }, { actor: t.admin });
    expect(coffee.items.map((m) => [m.quantity, m.unit])).toEqual([['2.000', 'kg']]);
  });

  it('filters by business dates of the location (inclusive) or by instants (half-open)', async () => {
    const t = await history();
    const third = await listStockMovements(
      t.runner,
      { locationId: 'berlin', fromDate: '2025-03-03', toDate: '2025-03-03' },
      { actor: t.admin },
    );
    expect(third.items.map((m) => [m.sku, m.quantity])).toEqual([
      ['coffee-kg', '2.000'],
      ['tea-each', '-2'],
    ]);
    const instants = await listStockMovements(
      t.runner,
      { from: '2025-03-02T22:30:00Z', to: '2025-03-02T23:30:00Z' },
      { actor: t.admin },
    );
    expect(instants.items.map((m) => m.quantity)).toEqual(['10']);
  });

  it('pages through the ledger', async () => {
    const t = await history();
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listStockMovements(
        t.runner,
        after === undefined ? { limit: 2 } : { limit: 2, after },
        { actor: t.admin },
      );
      seen.push(...page.items.map((m) => m.id));
      after = page.nextCursor ?? undefined;
    } while (after !== undefined);
    expect(seen).toEqual((await t.movements()).map((m) => m.id));
    expect(seen).toHaveLength(5);
  });

  it('names bad filters and keeps store-limited actors in their store', async () => {
    const t = await history();
    const paths = async (input: Record<string, unknown>) =>
      validationPaths(await rejection(listStockMovements(t.runner, input as never, { actor: t.admin })));
    expect(await paths({ fromDate: '2025-03-03' })).toEqual(['fromDate']);
    expect(
      await paths({ locationId: 'berlin', from: '2025-03-03T00:00:00Z', fromDate: '2025-03-03' }),
    ).toEqual(['fromDate']);
    expect(await paths({ locationId: 'berlin', toDate: '2025-02-30' })).toEqual(['toDate']);
    expect(await paths({ reasons: ['stolen'] })).toEqual(['reasons.0']);
    expect(await paths({ sku: 'ghost' })).toEqual(['sku']);
    expect(
      await paths({ locationId: 'berlin', from: '2025-03-05T00:00:00Z', to: '2025-03-04T00:00:00Z' }),
    ).toEqual(['to']);
    const chainWide = await rejection(listStockMovements(t.runner, {}, { actor: aCashier('berlin') }));
    expect(isRetailKitError(chainWide, 'FORBIDDEN')).toBe(true);
  });

  it('throws NotFoundError for a movement whose SKU is not registered (broken data, never a default unit)', async () => {
    const t = await history();
    const [first] = await t.movements({ locationId: 'hamburg' });
    if (!first) throw new Error('expected a movement at hamburg');
    // Items cannot be deleted, so only a write that bypassed the commands leaves such a row.
    await t.storage.transaction((tx) =>
      tx.inventory.appendMovements([{ ...first, id: 'zz-orphan', sku: 'ghost' }]),
    );
    const error = await rejection(
      listStockMovements(t.runner, { locationId: 'hamburg' }, { actor: t.admin }),
    );
    expect(error).toMatchObject({ code: 'NOT_FOUND', details: { entity: 'item', id: 'ghost' } });
    // Pages without it still read.
    const berlin = await listStockMovements(t.runner, { locationId: 'berlin' }, { actor: t.admin });
    expect(berlin.items).toHaveLength(4);
  });
});
