import { defineCommand, Money, type MoneyJsonInput } from '@retailkit/core';
import { z } from 'zod';
import { type BarcodeInput, barcodeFields, checkBarcode } from '../barcodes/barcode-input.js';
import type { BarcodeRecord } from '../barcodes/barcode-record.js';
import { claimBarcode } from '../barcodes/claim-barcode.js';
import { parseBarcode } from '../barcodes/parse-barcode.js';
import type { CatalogCommand } from '../catalog-command.js';
import { CATALOG_PERMISSIONS } from '../catalog-permissions.js';
import { catalogStreams } from '../events/catalog-streams.js';
import { emitCatalogEvent } from '../events/emit-catalog-event.js';
import { type CatalogStatus, catalogStatusSchema } from '../products/catalog-status.js';
import { alreadyExists } from '../validation/already-exists.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { catalogNameSchema } from '../validation/catalog-name-schema.js';
import { invalidField } from '../validation/invalid-field.js';
import { nameKey } from '../validation/name-key.js';
import { referenced } from '../validation/referenced.js';
import { listPricesSchema, nonNegativeMoneySchema, storedListPrices } from './money-fields.js';
import { skuOptionsSchema, skuUnitSchema } from './sku-fields.js';
import { skuProductFacts } from './sku-product-facts.js';
import type { SkuRecord } from './sku-record.js';
import type { SkuUnit } from './sku-unit.js';
import { toSkuUnit } from './to-sku-unit.js';

/** Most barcodes a SKU may be created with. */
const MAX_BARCODES = 20;

/** Input of `catalog.create-sku`. */
export interface CreateSkuInput {
  /** The SKU code, its id, e.g. `TEE-M-RED`. */
  readonly code: string;
  /** The product it is a variant of; it must exist. */
  readonly productId: string;
  /** Display name; the product name followed by the option values (`Tee / M / red`) when left out. */
  readonly name?: string | undefined;
  /** Option values that set it apart from its siblings, e.g. `{ size: 'M', colour: 'red' }`. */
  readonly options?: { readonly [option: string]: string } | undefined;
  /** The unit it is sold and stocked in: `'each'` (the default), `'kg'`, … or `{ code, scale }`. Fixed once created. */
  readonly unit?: SkuUnit | undefined;
  /** `active` (the default) or `discontinued`. */
  readonly status?: CatalogStatus | undefined;
  /** The unit cost; unknown when left out or null. */
  readonly cost?: MoneyJsonInput | null | undefined;
  /** The list price per currency, at most one per currency. */
  readonly listPrices?: readonly MoneyJsonInput[] | undefined;
  /** Barcodes to add with it; the SKU is not created if any is taken. */
  readonly barcodes?: readonly BarcodeInput[] | undefined;
}

const schema: z.ZodType<CreateSkuInput, CreateSkuInput> = z.strictObject({
  code: catalogIdSchema,
  productId: catalogIdSchema,
  name: catalogNameSchema.optional(),
  options: skuOptionsSchema.optional(),
  unit: skuUnitSchema.optional(),
  status: catalogStatusSchema.optional(),
  cost: nonNegativeMoneySchema.nullable().optional(),
  listPrices: listPricesSchema.optional(),
  barcodes: z
    .array(z.strictObject(barcodeFields).superRefine(checkBarcode))
    .max(MAX_BARCODES, `must hold at most ${MAX_BARCODES} barcodes`)
    .optional(),
});

/**
 * Creates a SKU of a product, with its unit, cost, list prices and barcodes. A barcode that any SKU
 * already holds (or that appears twice in the input) refuses the whole command with a ConflictError
 * (not retried), and nothing is created. Emits `catalog.sku-created`.
 */
export const createSku: CatalogCommand<CreateSkuInput, SkuRecord> = defineCommand({
  name: 'catalog.create-sku',
  permission: CATALOG_PERMISSIONS.write,
  input: schema,
  handler: async (ctx, input) => {
    const { catalog } = ctx.tx;
    if (await catalog.getSku(input.code)) throw alreadyExists('sku', input.code);
    const stored = await catalog.getProduct(input.productId);
    const product = referenced(ctx.command, 'productId', 'product', input.productId, stored);

    const options = { ...input.options };
    const name = input.name ?? [product.name, ...Object.values(options)].join(' / ');
    const now = ctx.now.toISOString();
    const sku: SkuRecord = {
      code: input.code,
      productId: product.id,
      name,
      nameKey: nameKey(name),
      options,
      unit: toSkuUnit(input.unit),
      status: input.status ?? 'active',
      cost: input.cost ? Money.of(input.cost.amount, input.cost.currency).toJSON() : null,
      listPrices: storedListPrices(input.listPrices ?? []),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await catalog.putSku(sku, null);

    const barcodes: BarcodeRecord[] = [];
    for (const [index, barcode] of (input.barcodes ?? []).entries()) {
      const parsed = parseBarcode(barcode.barcode, barcode.symbology);
      if (typeof parsed === 'string') throw invalidField(ctx.command, `barcodes.${index}.barcode`, parsed);
      barcodes.push(await claimBarcode(catalog, parsed, sku.code, now, `barcodes.${index}.barcode`));
    }

    emitCatalogEvent(ctx, 'catalog.sku-created', catalogStreams.sku(sku.code), {
      sku,
      product: await skuProductFacts(catalog, product),
      barcodes,
    });
    return sku;
  },
});
