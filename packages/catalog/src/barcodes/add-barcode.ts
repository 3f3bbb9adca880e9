import { defineCommand } from '@retailkit/core';
import { z } from 'zod';
import type { CatalogCommand } from '../catalog-command.js';
import { CATALOG_PERMISSIONS } from '../catalog-permissions.js';
import { catalogStreams } from '../events/catalog-streams.js';
import { emitCatalogEvent } from '../events/emit-catalog-event.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { requireFound } from '../validation/require-found.js';
import { type BarcodeInput, barcodeFields, checkBarcode } from './barcode-input.js';
import type { BarcodeRecord } from './barcode-record.js';
import { claimBarcode } from './claim-barcode.js';
import { parseBarcode } from './parse-barcode.js';

/** Input of `catalog.add-barcode`. */
export interface AddBarcodeInput extends BarcodeInput {
  /** The SKU code. */
  readonly sku: string;
}

const schema: z.ZodType<AddBarcodeInput, AddBarcodeInput> = z
  .strictObject({ sku: catalogIdSchema, ...barcodeFields })
  .superRefine(checkBarcode);

/**
 * Adds a barcode to a SKU. Barcodes are unique across the catalog: one that another SKU holds is
 * refused with a ConflictError (not retried; `details.sku` names the holder), also when two SKUs
 * claim it at the same moment. Adding a barcode the SKU already has changes nothing and returns
 * the existing entry. Emits `catalog.barcode-added`.
 */
export const addBarcode: CatalogCommand<AddBarcodeInput, BarcodeRecord> = defineCommand({
  name: 'catalog.add-barcode',
  permission: CATALOG_PERMISSIONS.write,
  input: schema,
  handler: async (ctx, input) => {
    const { catalog } = ctx.tx;
    const parsed = parseBarcode(input.barcode, input.symbology);
    // The schema has checked it already; this only narrows the type.
    if (typeof parsed === 'string') throw new TypeError(parsed);
    requireFound('sku', input.sku, await catalog.getSku(input.sku));
    const existing = await catalog.findSkuByBarcode(parsed.key);
    if (existing?.sku === input.sku) return existing;
    const barcode = await claimBarcode(catalog, parsed, input.sku, ctx.now.toISOString(), 'barcode');
    emitCatalogEvent(ctx, 'catalog.barcode-added', catalogStreams.sku(input.sku), { barcode });
    return barcode;
  },
});
