import { Money } from '@retailkit/core';
import { aManager, rejection, validationPaths } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { catalogFixture, seedCatalog } from '../../test/support/catalog-fixture.js';
import type { PriceRecord } from './price-record.js';

const MARCH = '2025-03-01T00:00:00.000Z';
const APRIL = '2025-04-01T00:00:00.000Z';

async function seeded() {
  const f = catalogFixture();
  await seedCatalog(f.catalog, f.manager);
  await f.catalog.createPriceList({ id: 'base', name: 'Base', currency: 'EUR' }, f.as);
  await f.catalog.createPriceList({ id: 'sale', name: 'Sale', currency: 'EUR', priority: 10 }, f.as);
  await f.catalog.createPriceList(
    { id: 'berlin', name: 'Berlin', currency: 'EUR', storeIds: ['berlin-1', 'berlin-2'], priority: 20 },
    f.as,
  );
  return f;
}

const price = async (f: Awaited<ReturnType<typeof seeded>>, storeId: string, at?: string) => {
  const resolved = await f.catalog.resolvePrice({ sku: 'TEE-M', storeId, ...(at ? { at } : {}) }, f.as);
  return [resolved.price.amount, resolved.source, resolved.priceListId ?? null];
};

describe('resolvePrice', () => {
  it('falls back to the list price, with the tax class and its rate', async () => {
    const f = await seeded();
    const resolved = await f.catalog.resolvePrice({ sku: 'TEE-M', storeId: 'paris-1' }, f.as);
    expect(resolved).toEqual({
      sku: 'TEE-M',
      storeId: 'paris-1',
      at: '2025-03-01T12:00:00.000Z',
      price: Money.of('20.00', 'EUR'),
      source: 'list-price',
      taxClassId: 'standard',
      taxRate: '19',
    });
  });

  it('picks the valid price of the highest-priority list that applies to the store', async () => {
    const f = await seeded();
    const as = f.as;
    await f.catalog.setPrice(
      { priceListId: 'base', sku: 'TEE-M', amount: { amount: '18.00', currency: 'EUR' } },
      as,
    );
    await f.catalog.setPrice(
      {
        priceListId: 'sale',
        sku: 'TEE-M',
        amount: { amount: '12.00', currency: 'EUR' },
        validFrom: MARCH,
        validTo: APRIL,
      },
      as,
    );
    await f.catalog.setPrice(
      { priceListId: 'berlin', sku: 'TEE-M', amount: { amount: '16.00', currency: 'EUR' } },
      as,
    );

    expect(await price(f, 'paris-1')).toEqual(['12.00', 'price-list', 'sale']);
    // The Berlin list outranks the sale, but only in its stores.
    expect(await price(f, 'berlin-2')).toEqual(['16.00', 'price-list', 'berlin']);
    // Half-open validity: the sale starts at its first instant and is over at its last.
    expect(await price(f, 'paris-1', '2025-02-28T23:59:59.999Z')).toEqual(['18.00', 'price-list', 'base']);
    expect(await price(f, 'paris-1', MARCH)).toEqual(['12.00', 'price-list', 'sale']);
    expect(await price(f, 'paris-1', '2025-03-31T23:59:59.999Z')).toEqual(['12.00', 'price-list', 'sale']);
    expect(await price(f, 'paris-1', APRIL)).toEqual(['18.00', 'price-list', 'base']);
    // Offsets are instants: 01:00+01:00 on 1 April is April's first instant in UTC.
    expect(await price(f, 'paris-1', '2025-04-01T01:00:00+01:00')).toEqual(['18.00', 'price-list', 'base']);
  });

  it("lets a store's own price beat its list's chain-wide one, and applies the store's tax rate", async () => {
    const f = await seeded();
    await f.catalog.updateTaxClass({ id: 'standard', storeRates: { 'berlin-2': '7' } }, f.as);
    await f.catalog.setPrice(
      { priceListId: 'berlin', sku: 'TEE-M', amount: { amount: '16.00', currency: 'EUR' } },
      f.as,
    );
    await f.catalog.setPrice(
      {
        priceListId: 'berlin',
        sku: 'TEE-M',
        amount: { amount: '15.00', currency: 'EUR' },
        storeId: 'berlin-2',
      },
      f.as,
    );
    expect(await price(f, 'berlin-1')).toEqual(['16.00', 'price-list', 'berlin']);
    expect(await price(f, 'berlin-2')).toEqual(['15.00', 'price-list', 'berlin']);
    const resolved = await f.catalog.resolvePrice({ sku: 'TEE-M', storeId: 'berlin-2' }, f.as);
    expect(resolved.taxRate).toBe('7');
  });

  it('asks for a currency when the list prices leave a choice, and fails when there is no price', async () => {
    const f = await seeded();
    await f.catalog.updateSku(
      {
        code: 'TEE-M',
        listPrices: [
          { amount: '20.00', currency: 'EUR' },
          { amount: '22.00', currency: 'CHF' },
        ],
      },
      f.as,
    );
    expect(
      validationPaths(await rejection(f.catalog.resolvePrice({ sku: 'TEE-M', storeId: 's' }, f.as))),
    ).toEqual(['currency']);
    const chf = await f.catalog.resolvePrice({ sku: 'TEE-M', storeId: 's', currency: 'CHF' }, f.as);
    expect(chf.price.toJSON()).toEqual({ amount: '22.00', currency: 'CHF' });
    await expect(
      f.catalog.resolvePrice({ sku: 'TEE-M', storeId: 's', currency: 'USD' }, f.as),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(f.catalog.resolvePrice({ sku: 'NOPE', storeId: 's' }, f.as)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('asks for a currency when price lists in several currencies price the SKU in the store', async () => {
    // Priority ranks lists of one currency; it must not silently switch a store's currency.
    const f = await seeded();
    await f.catalog.createPriceList({ id: 'usd', name: 'USD', currency: 'USD', priority: 99 }, f.as);
    const eur = { amount: '18.00', currency: 'EUR' };
    await f.catalog.setPrice({ priceListId: 'base', sku: 'TEE-M', amount: eur }, f.as);
    await f.catalog.setPrice(
      { priceListId: 'usd', sku: 'TEE-M', amount: { amount: '21.00', currency: 'USD' } },
      f.as,
    );
    expect(
      validationPaths(await rejection(f.catalog.resolvePrice({ sku: 'TEE-M', storeId: 's' }, f.as))),
    ).toEqual(['currency']);
    const resolved = await f.catalog.resolvePrice({ sku: 'TEE-M', storeId: 's', currency: 'EUR' }, f.as);
    expect([resolved.price.toJSON(), resolved.priceListId]).toEqual([eur, 'base']);
  });
});

describe('catalog.set-price', () => {
  it('replaces the amount of the same validity, announcing the previous price', async () => {
    const f = await seeded();
    const input = { priceListId: 'sale', sku: 'TEE-M', validFrom: MARCH, validTo: APRIL };
    const first = await f.catalog.setPrice({ ...input, amount: { amount: '12', currency: 'EUR' } }, f.as);
    const second = await f.catalog.setPrice({ ...input, amount: { amount: '11.50', currency: 'EUR' } }, f.as);
    expect(second).toMatchObject({ id: first.id, amount: { amount: '11.50', currency: 'EUR' }, version: 2 });
    const [event] = (await f.events('sku:TEE-M')).filter((e) => e.type === 'catalog.price-set').slice(-1);
    expect(event?.payload).toMatchObject({
      price: second,
      previous: first,
      priceList: { id: 'sale', priority: 10 },
    });
    expect(await f.catalog.listPrices({ sku: 'TEE-M' }, f.as)).toEqual([second]);
  });

  it('refuses an overlapping validity but takes one that only touches, and changes nothing on refusal', async () => {
    const f = await seeded();
    const eur = (amount: string) => ({ amount, currency: 'EUR' });
    await f.catalog.setPrice(
      { priceListId: 'sale', sku: 'TEE-M', amount: eur('12'), validFrom: MARCH, validTo: APRIL },
      f.as,
    );
    const before = await f.snapshot();
    for (const validity of [
      { validFrom: '2025-03-15T00:00:00Z' },
      { validTo: '2025-03-02T00:00:00Z' },
      { validFrom: '2025-02-01T00:00:00Z', validTo: '2025-03-01T00:00:00.001Z' },
      {},
    ]) {
      const error = await rejection(
        f.catalog.setPrice({ priceListId: 'sale', sku: 'TEE-M', amount: eur('9'), ...validity }, f.as),
      );
      expect(validationPaths(error)).toEqual(['validFrom']);
    }
    expect(await f.snapshot()).toEqual(before);
    await f.catalog.setPrice(
      { priceListId: 'sale', sku: 'TEE-M', amount: eur('14'), validFrom: APRIL },
      f.as,
    );
    await f.catalog.setPrice({ priceListId: 'sale', sku: 'TEE-M', amount: eur('15'), validTo: MARCH }, f.as);
    // Another store's own price does not overlap the chain-wide ones.
    await f.catalog.setPrice(
      { priceListId: 'sale', sku: 'TEE-M', amount: eur('10'), storeId: 'lyon-1' },
      f.as,
    );
    expect(await f.catalog.listPrices({ sku: 'TEE-M', priceListId: 'sale' }, f.as)).toHaveLength(4);
  });

  it('refuses bad input, naming each field', async () => {
    const f = await seeded();
    const ok = { priceListId: 'sale', sku: 'TEE-M', amount: { amount: '1.00', currency: 'EUR' } };
    const cases = [
      [{ ...ok, priceListId: 'ghost' }, ['priceListId']],
      [{ ...ok, sku: 'GHOST' }, ['sku']],
      [{ ...ok, amount: { amount: '1.00', currency: 'USD' } }, ['amount.currency']],
      [{ ...ok, amount: { amount: '-1.00', currency: 'EUR' } }, ['amount.amount']],
      [{ ...ok, validFrom: APRIL, validTo: MARCH }, ['validTo']],
      [{ ...ok, validFrom: '2025-03-01' }, ['validFrom']],
      [{ ...ok, priceListId: 'berlin', storeId: 'paris-1' }, ['storeId']],
    ] as const;
    for (const [input, paths] of cases) {
      const error = await rejection(f.catalog.setPrice(input as never, f.as));
      expect(validationPaths(error), JSON.stringify(input)).toEqual(paths);
    }
  });

  it("lets a store's manager set and remove that store's prices only", async () => {
    const f = await seeded();
    const managerOfBerlin = { actor: aManager(['berlin-1']) };
    const amount = { amount: '14.00', currency: 'EUR' };
    const own = await f.catalog.setPrice(
      { priceListId: 'berlin', sku: 'TEE-M', amount, storeId: 'berlin-1' },
      managerOfBerlin,
    );
    expect((await f.events('sku:TEE-M')).at(-1)).toMatchObject({
      type: 'catalog.price-set',
      storeId: 'berlin-1',
    });
    await expect(
      f.catalog.setPrice(
        { priceListId: 'berlin', sku: 'TEE-M', amount, storeId: 'berlin-2' },
        managerOfBerlin,
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      f.catalog.setPrice({ priceListId: 'berlin', sku: 'TEE-M', amount }, managerOfBerlin),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // Removing names the store, and it must be the price's.
    expect(validationPaths(await rejection(f.catalog.removePrice({ priceId: own.id }, f.as)))).toEqual([
      'storeId',
    ]);
    const removed = await f.catalog.removePrice({ priceId: own.id, storeId: 'berlin-1' }, managerOfBerlin);
    expect(removed).toEqual(own);
    expect((await f.events('sku:TEE-M')).at(-1)).toMatchObject({
      type: 'catalog.price-removed',
      storeId: 'berlin-1',
    });
    expect(await f.catalog.listPrices({ sku: 'TEE-M' }, f.as)).toEqual([]);
  });

  it('does not report a removal twice when a concurrent removal deleted the price first', async () => {
    // On SQL two removals can both read the price before either deletes it; the second DELETE then
    // matches no row. Simulated here by handing the second removal a stale read of the price.
    let stale: PriceRecord | undefined;
    const f = catalogFixture((inner) => ({
      getPrice: async (id) => {
        const read = stale ?? (await inner.getPrice(id));
        stale = undefined;
        return read;
      },
    }));
    await seedCatalog(f.catalog, f.manager);
    await f.catalog.createPriceList({ id: 'base', name: 'Base', currency: 'EUR' }, f.as);
    const set = await f.catalog.setPrice(
      { priceListId: 'base', sku: 'TEE-M', amount: { amount: '9.00', currency: 'EUR' } },
      f.as,
    );
    await f.catalog.removePrice({ priceId: set.id }, f.as);
    stale = set;
    expect(await rejection(f.catalog.removePrice({ priceId: set.id }, f.as))).toMatchObject({
      code: 'NOT_FOUND',
    });
    const removals = (await f.events('sku:TEE-M')).filter((e) => e.type === 'catalog.price-removed');
    expect(removals).toHaveLength(1);
  });
});

describe('price lists', () => {
  it('creates and updates one; the currency is fixed', async () => {
    const f = await seeded();
    const updated = await f.catalog.updatePriceList({ id: 'berlin', storeIds: null, priority: 5 }, f.as);
    expect(updated).toMatchObject({ storeIds: null, priority: 5, currency: 'EUR', version: 2 });
    expect((await f.catalog.listPriceLists({}, f.as)).map((l) => l.id)).toEqual(['base', 'berlin', 'sale']);
    expect(
      validationPaths(
        await rejection(f.catalog.updatePriceList({ id: 'berlin', currency: 'USD' } as never, f.as)),
      ),
    ).toEqual(['currency']);
    expect(
      validationPaths(
        await rejection(
          f.catalog.createPriceList(
            { name: 'X', currency: 'XYZ', storeIds: ['a', 'a'], priority: 1.5 },
            f.as,
          ),
        ),
      ).sort(),
    ).toEqual(['currency', 'priority', 'storeIds.1']);
  });
});
