import type { BarcodeRecord } from '@retailkit/catalog';
import { isRetailKitError } from '@retailkit/core';
import { expect } from 'vitest';
import { rejection } from '../../assertions/rejection.js';
import {
  as,
  type CatalogCase,
  catalogOf,
  catalogSnapshot,
  seedBasics,
  tick,
} from './catalog-case-helpers.js';

const barcode = (key: string, sku: string): BarcodeRecord => ({
  key,
  barcode: key,
  symbology: 'other',
  sku,
  createdAt: '2025-03-01T12:00:00.000Z',
});

/** Barcode uniqueness, lookups and the atomic claim. */
export const catalogBarcodeCases: readonly CatalogCase[] = [
  {
    id: 'catalog.barcode.unique-across-lengths',
    title: 'a GTIN held by one SKU is refused to another in any length, changing nothing',
    run: async (context) => {
      const catalog = catalogOf(context);
      await seedBasics(catalog);
      await catalog.createSku({ code: 'A', productId: 'p' }, as);
      await catalog.createSku({ code: 'B', productId: 'p' }, as);
      await catalog.addBarcode({ sku: 'A', barcode: '036000291452' }, as);
      const before = await catalogSnapshot(context);
      for (const code of ['036000291452', '0036000291452', '00036000291452']) {
        const error = await rejection(catalog.addBarcode({ sku: 'B', barcode: code }, as));
        expect(isRetailKitError(error, 'CONFLICT')).toBe(true);
        expect(error).toMatchObject({ retryable: false, details: { sku: 'A' } });
        expect((await catalog.findByBarcode({ barcode: code }, as))?.sku.code).toBe('A');
      }
      expect(await catalogSnapshot(context)).toEqual(before);
    },
  },
  {
    id: 'catalog.barcode.concurrent-claims-one-wins',
    title: 'of concurrent commands adding one barcode to different SKUs, exactly one succeeds',
    run: async (context) => {
      const catalog = catalogOf(context);
      await seedBasics(catalog);
      const codes = Array.from({ length: 8 }, (_, i) => `S${i}`);
      for (const code of codes) await catalog.createSku({ code, productId: 'p' }, as);
      const results = await Promise.allSettled(
        codes.map((sku) => catalog.addBarcode({ sku, barcode: '4006381333931' }, as)),
      );
      const winners = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.sku] : []));
      expect(winners).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected') expect(isRetailKitError(result.reason, 'CONFLICT')).toBe(true);
      }
      const holders = await Promise.all(codes.map((sku) => catalog.getSku({ sku }, as)));
      expect(holders.flatMap((sku) => sku.barcodes.map((b) => b.sku))).toEqual(winners);
    },
  },
  {
    id: 'catalog.barcode.repository-claim-is-atomic',
    title: 'claimBarcode inserts once: a second or concurrent claim of the key returns false',
    run: async (context) => {
      const catalog = catalogOf(context);
      await seedBasics(catalog);
      for (const code of ['A', 'B', 'C', 'Z']) await catalog.createSku({ code, productId: 'p' }, as);
      const claim = (sku: string) =>
        context.storage.transaction(async (tx) => {
          const won = await tx.catalog.claimBarcode(barcode('K-1', sku));
          // Stay open a moment, so a concurrent claim meets this one uncommitted.
          await tick();
          return won;
        });
      const results = await Promise.all([claim('A'), claim('B'), claim('C')]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const holder = await context.storage.transaction((tx) => tx.catalog.findSkuByBarcode('K-1'));
      expect(['A', 'B', 'C'][results.indexOf(true)]).toBe(holder?.sku);
      expect(await context.storage.transaction((tx) => tx.catalog.claimBarcode(barcode('K-1', 'Z')))).toBe(
        false,
      );
    },
  },
  {
    id: 'catalog.barcode.release-frees',
    title: 'only the holder releases a barcode, which another SKU may then claim',
    run: async (context) => {
      const catalog = catalogOf(context);
      await seedBasics(catalog);
      await catalog.createSku(
        { code: 'A', productId: 'p', barcodes: [{ barcode: 'X-2', symbology: 'other' }] },
        as,
      );
      await catalog.createSku({ code: 'B', productId: 'p' }, as);
      expect(await context.storage.transaction((tx) => tx.catalog.releaseBarcode('X-2', 'B'))).toBe(false);
      await expect(catalog.removeBarcode({ sku: 'B', barcode: 'X-2' }, as)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await catalog.removeBarcode({ sku: 'A', barcode: 'X-2' }, as);
      expect(await catalog.findByBarcode({ barcode: 'X-2' }, as)).toBeNull();
      await catalog.addBarcode({ sku: 'B', barcode: 'X-2', symbology: 'other' }, as);
      await catalog.addBarcode({ sku: 'B', barcode: 'X-1', symbology: 'other' }, as);
      expect((await catalog.getSku({ sku: 'B' }, as)).barcodes.map((b) => b.key)).toEqual(['X-1', 'X-2']);
      expect((await catalog.getSku({ sku: 'A' }, as)).barcodes).toEqual([]);
    },
  },
];
