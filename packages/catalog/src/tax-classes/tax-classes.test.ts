import { rejection, validationPaths } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { catalogFixture } from '../../test/support/catalog-fixture.js';

describe('tax classes', () => {
  it('creates one with store overrides, and updates it', async () => {
    const f = catalogFixture();
    const created = await f.catalog.createTaxClass(
      { id: 'reduced', name: 'Reduced', rate: '7', storeRates: { 'vienna-1': '10' } },
      f.as,
    );
    expect(created).toMatchObject({ rate: '7', storeRates: { 'vienna-1': '10' }, version: 1 });
    const updated = await f.catalog.updateTaxClass({ id: 'reduced', rate: '7.5', storeRates: {} }, f.as);
    expect(updated).toMatchObject({ rate: '7.5', storeRates: {}, version: 2 });
    expect(await f.catalog.getTaxClass({ id: 'reduced' }, f.as)).toEqual(updated);
    expect((await f.events('tax-class:reduced')).map((e) => e.payload)).toMatchObject([
      { taxClass: created },
      { taxClass: updated, previous: created, changed: ['rate', 'storeRates'] },
    ]);
    expect(await f.catalog.listTaxClasses({}, f.as)).toEqual([updated]);
  });

  it('refuses rates that are not percentages written as decimal strings, naming each field', async () => {
    const f = catalogFixture();
    for (const [rate, path] of [
      [19, 'rate'],
      ['101', 'rate'],
      ['7.12345', 'rate'],
      ['-1', 'rate'],
      ['19%', 'rate'],
    ] as const) {
      const error = await rejection(f.catalog.createTaxClass({ name: 'Bad', rate: rate as string }, f.as));
      expect(validationPaths(error)).toEqual([path]);
    }
    const error = await rejection(
      f.catalog.createTaxClass({ name: 'Bad', rate: '19', storeRates: { s1: '200' } }, f.as),
    );
    expect(validationPaths(error)).toEqual(['storeRates.s1']);
    expect(await f.catalog.listTaxClasses({}, f.as)).toEqual([]);
  });
});
