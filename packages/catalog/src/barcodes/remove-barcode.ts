import { defineCommand, NotFoundError } from '@retailkit/core';
import { z } from 'zod';
import type { CatalogCommand } from '../catalog-command.js';
import { CATALOG_PERMISSIONS } from '../catalog-permissions.js';
import { catalogStreams } from '../events/catalog-streams.js';
import { emitCatalogEvent } from '../events/emit-catalog-event.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { barcodeKey } from './barcode-key.js';
import type { BarcodeRecord } from './barcode-record.js';

/** Input of `catalog.remove-barcode`. */
export interface RemoveBarcodeInput {
  /** The SKU code. */
  readonly sku: string;
  /** The barcode, in any of its GTIN lengths. */
  readonly barcode: string;
}

const schema: z.ZodType<RemoveBarcodeInput, RemoveBarcodeInput> = z.strictObject({
  sku: catalogIdSchema,
  barcode: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
});

/**
 * Removes a barcode from a SKU, freeing it for another. NotFoundError when this SKU does not hold
 * it. Emits `catalog.barcode-removed`.
 */
export const removeBarcode: CatalogCommand<RemoveBarcodeInput, BarcodeRecord> = defineCommand({
  name: 'catalog.remove-barcode',
  permission: CATALOG_PERMISSIONS.write,
  input: schema,
  handler: async (ctx, input) => {
    const { catalog } = ctx.tx;
    const key = barcodeKey(input.barcode);
    const barcode = await catalog.findSkuByBarcode(key);
    if (barcode?.sku !== input.sku || !(await catalog.releaseBarcode(key, input.sku))) {
      throw new NotFoundError('barcode', input.barcode, { details: { sku: input.sku } });
    }
    emitCatalogEvent(ctx, 'catalog.barcode-removed', catalogStreams.sku(input.sku), { barcode });
    return barcode;
  },
});
