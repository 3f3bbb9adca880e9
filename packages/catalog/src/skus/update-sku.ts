import { defineCommand, Money, type MoneyJsonInput, RetailKitError } from '@retailkit/core';
import { z } from 'zod';
import type { CatalogCommand } from '../catalog-command.js';
import { CATALOG_PERMISSIONS } from '../catalog-permissions.js';
import { catalogStreams } from '../events/catalog-streams.js';
import { emitCatalogEvent } from '../events/emit-catalog-event.js';
import { type CatalogStatus, catalogStatusSchema } from '../products/catalog-status.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { catalogNameSchema } from '../validation/catalog-name-schema.js';
import { expectedVersionSchema } from '../validation/expected-version-schema.js';
import { nameKey } from '../validation/name-key.js';
import { nextVersion } from '../validation/next-version.js';
import { requireCurrent } from '../validation/require-current.js';
import { listPricesSchema, nonNegativeMoneySchema, storedListPrices } from './money-fields.js';
import { skuOptionsSchema } from './sku-fields.js';
import { skuProductFacts } from './sku-product-facts.js';
import type { SkuRecord } from './sku-record.js';

/** Input of `catalog.update-sku`: the fields to change; the others keep their values. The unit cannot change. */
export interface UpdateSkuInput {
  /** The SKU to change. */
  readonly code: string;
  /** Refuse the change (ConflictError, not retried) unless the SKU is still at this version. */
  readonly expectedVersion?: number | undefined;
  /** A new display name. */
  readonly name?: string | undefined;
  /** New option values, replacing all of the old ones. */
  readonly options?: { readonly [option: string]: string } | undefined;
  /** A new status: `discontinued` stops selling it, `active` brings it back. */
  readonly status?: CatalogStatus | undefined;
  /** A new unit cost, or null for unknown. */
  readonly cost?: MoneyJsonInput | null | undefined;
  /** New list prices, replacing all of the old ones (`[]` clears them). */
  readonly listPrices?: readonly MoneyJsonInput[] | undefined;
}

const schema: z.ZodType<UpdateSkuInput, UpdateSkuInput> = z.strictObject({
  code: catalogIdSchema,
  expectedVersion: expectedVersionSchema.optional(),
  name: catalogNameSchema.optional(),
  options: skuOptionsSchema.optional(),
  status: catalogStatusSchema.optional(),
  cost: nonNegativeMoneySchema.nullable().optional(),
  listPrices: listPricesSchema.optional(),
  // Stock is counted in the unit: changing it would silently re-scale every quantity on record.
  unit: z.never({ error: 'cannot change once the SKU exists; create a new SKU instead' }).optional(),
});

/** Changes a SKU. Emits `catalog.sku-updated` when anything changed. */
export const updateSku: CatalogCommand<UpdateSkuInput, SkuRecord> = defineCommand({
  name: 'catalog.update-sku',
  permission: CATALOG_PERMISSIONS.write,
  input: schema,
  handler: async (ctx, input) => {
    const { catalog } = ctx.tx;
    const current = requireCurrent(
      'sku',
      input.code,
      await catalog.getSku(input.code),
      input.expectedVersion,
    );
    const name = input.name ?? current.name;
    const { next, changed } = nextVersion<SkuRecord>(
      current,
      {
        name,
        nameKey: nameKey(name),
        options: input.options === undefined ? current.options : { ...input.options },
        status: input.status ?? current.status,
        cost:
          input.cost === undefined
            ? current.cost
            : input.cost && Money.of(input.cost.amount, input.cost.currency).toJSON(),
        listPrices: input.listPrices === undefined ? current.listPrices : storedListPrices(input.listPrices),
      },
      ctx.now,
    );
    if (changed.length === 0) return current;
    const product = await catalog.getProduct(current.productId);
    if (!product) {
      throw new RetailKitError(
        'INTERNAL',
        `SKU ${current.code} refers to a missing product ${current.productId}`,
      );
    }
    await catalog.putSku(next, current.version);
    emitCatalogEvent(ctx, 'catalog.sku-updated', catalogStreams.sku(next.code), {
      sku: next,
      previous: current,
      changed,
      product: await skuProductFacts(catalog, product),
    });
    return next;
  },
});
