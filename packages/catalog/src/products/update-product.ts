import { defineCommand } from '@retailkit/core';
import { z } from 'zod';
import type { CatalogCommand } from '../catalog-command.js';
import { CATALOG_PERMISSIONS } from '../catalog-permissions.js';
import { referencedCategory } from '../categories/referenced-category.js';
import { catalogStreams } from '../events/catalog-streams.js';
import { emitCatalogEvent } from '../events/emit-catalog-event.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { catalogNameSchema, descriptionSchema } from '../validation/catalog-name-schema.js';
import { expectedVersionSchema } from '../validation/expected-version-schema.js';
import { nameKey } from '../validation/name-key.js';
import { nextVersion } from '../validation/next-version.js';
import { referenced } from '../validation/referenced.js';
import { requireCurrent } from '../validation/require-current.js';
import { type CatalogStatus, catalogStatusSchema } from './catalog-status.js';
import type { ProductRecord } from './product-record.js';

/** Input of `catalog.update-product`: the fields to change; the others keep their values. */
export interface UpdateProductInput {
  /** The product to change. */
  readonly id: string;
  /** Refuse the change (ConflictError, not retried) unless the product is still at this version. */
  readonly expectedVersion?: number | undefined;
  /** A new display name (its SKUs keep their own names). */
  readonly name?: string | undefined;
  /** A new description. */
  readonly description?: string | undefined;
  /** A new category, or null to uncategorise. */
  readonly categoryId?: string | null | undefined;
  /** A new tax class. */
  readonly taxClassId?: string | undefined;
  /** A new status: `discontinued` stops selling it, `active` brings it back. */
  readonly status?: CatalogStatus | undefined;
}

const schema: z.ZodType<UpdateProductInput, UpdateProductInput> = z.strictObject({
  id: catalogIdSchema,
  expectedVersion: expectedVersionSchema.optional(),
  name: catalogNameSchema.optional(),
  description: descriptionSchema.optional(),
  categoryId: catalogIdSchema.nullable().optional(),
  taxClassId: catalogIdSchema.optional(),
  status: catalogStatusSchema.optional(),
});

/** Changes a product. Emits `catalog.product-updated` when anything changed. */
export const updateProduct: CatalogCommand<UpdateProductInput, ProductRecord> = defineCommand({
  name: 'catalog.update-product',
  permission: CATALOG_PERMISSIONS.write,
  input: schema,
  handler: async (ctx, input) => {
    const { catalog } = ctx.tx;
    const current = requireCurrent(
      'product',
      input.id,
      await catalog.getProduct(input.id),
      input.expectedVersion,
    );
    const categoryId = input.categoryId === undefined ? current.categoryId : input.categoryId;
    const category = await referencedCategory(catalog, ctx.command, 'categoryId', categoryId);
    const { taxClassId } = input;
    if (taxClassId !== undefined) {
      referenced(ctx.command, 'taxClassId', 'tax class', taxClassId, await catalog.getTaxClass(taxClassId));
    }
    const name = input.name ?? current.name;
    const { next, changed } = nextVersion<ProductRecord>(
      current,
      {
        name,
        nameKey: nameKey(name),
        description: input.description ?? current.description,
        categoryId,
        taxClassId: taxClassId ?? current.taxClassId,
        status: input.status ?? current.status,
      },
      ctx.now,
    );
    if (changed.length === 0) return current;
    await catalog.putProduct(next, current.version);
    emitCatalogEvent(ctx, 'catalog.product-updated', catalogStreams.product(next.id), {
      product: next,
      previous: current,
      changed,
      categoryPath: category?.path ?? null,
    });
    return next;
  },
});
