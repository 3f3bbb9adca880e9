import { RetailKitError } from '@retailkit/core';
import { z } from 'zod';
import type { CatalogQuery } from '../queries/catalog-query.js';
import { defineCatalogQuery } from '../queries/define-catalog-query.js';
import { barcodeKey } from './barcode-key.js';
import type { BarcodeMatch } from './barcode-match.js';

/** Input of `findByBarcode`. */
export interface FindByBarcodeInput {
  /** The code as scanned or typed; surrounding whitespace is ignored. */
  readonly barcode: string;
}

/**
 * The SKU a barcode identifies, with its product; null when no SKU holds it. A GTIN finds its SKU
 * in any of its lengths (UPC-A `036000291452` finds the EAN-13 `0036000291452`).
 */
export const findByBarcode: CatalogQuery<FindByBarcodeInput, BarcodeMatch | null> = defineCatalogQuery({
  name: 'catalog.find-by-barcode',
  input: z.strictObject({
    barcode: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
  }),
  read: async (tx, input) => {
    const barcode = await tx.catalog.findSkuByBarcode(barcodeKey(input.barcode));
    if (!barcode) return null;
    const sku = await tx.catalog.getSku(barcode.sku);
    const product = sku && (await tx.catalog.getProduct(sku.productId));
    if (!sku || !product) {
      throw new RetailKitError('INTERNAL', `barcode ${barcode.key} refers to a missing SKU or product`);
    }
    return { barcode, sku, product };
  },
});
