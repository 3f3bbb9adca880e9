import { defineCommand } from '@retailkit/core';
import { z } from 'zod';
import type { CatalogCommand } from '../catalog-command.js';
import { CATALOG_PERMISSIONS } from '../catalog-permissions.js';
import { referencedCategory } from '../categories/referenced-category.js';
import { catalogStreams } from '../events/catalog-streams.js';
import { emitCatalogEvent } from '../events/emit-catalog-event.js';
import { alreadyExists } from '../validation/already-exists.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { catalogNameSchema, descriptionSchema } from '../validation/catalog-name-schema.js';
import { nameKey } from '../validation/name-key.js';
import { referenced } from '../validation/referenced.js';
import { type CatalogStatus, catalogStatusSchema } from './catalog-status.js';
import type { ProductRecord } from './product-record.js';

/** Input of `catalog.create-product`. */
export interface CreateProductInput {
  /** The id; generated when left out. */
  readonly id?: string | undefined;
  /** Display name. */
  readonly name: string;
  /** Longer text; empty when left out. */
  readonly description?: string | undefined;
  /** Its category; uncategorised when left out or null. */
  readonly categoryId?: string | null | undefined;
  /** The tax class its SKUs are sold under; it must exist. */
  readonly taxClassId: string;
  /** `active` (the default) or `discontinued`. */
  readonly status?: CatalogStatus | undefined;
}

const schema: z.ZodType<CreateProductInput, CreateProductInput> = z.strictObject({
  id: catalogIdSchema.optional(),
  name: catalogNameSchema,
  description: descriptionSchema.optional(),
  categoryId: catalogIdSchema.nullable().optional(),
  taxClassId: catalogIdSchema,
  status: catalogStatusSchema.optional(),
});

/** Creates a product. Its category and tax class must exist. Emits `catalog.product-created`. */
export const createProduct: CatalogCommand<CreateProductInput, ProductRecord> = defineCommand({
  name: 'catalog.create-product',
  permission: CATALOG_PERMISSIONS.write,
  input: schema,
  handler: async (ctx, input) => {
    const { catalog } = ctx.tx;
    const id = input.id ?? ctx.ids.next();
    if (await catalog.getProduct(id)) throw alreadyExists('product', id);
    const category = await referencedCategory(catalog, ctx.command, 'categoryId', input.categoryId);
    const { taxClassId } = input;
    referenced(ctx.command, 'taxClassId', 'tax class', taxClassId, await catalog.getTaxClass(taxClassId));
    const now = ctx.now.toISOString();
    const product: ProductRecord = {
      id,
      name: input.name,
      nameKey: nameKey(input.name),
      description: input.description ?? '',
      categoryId: category?.id ?? null,
      taxClassId,
      status: input.status ?? 'active',
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await catalog.putProduct(product, null);
    emitCatalogEvent(ctx, 'catalog.product-created', catalogStreams.product(id), {
      product,
      categoryPath: category?.path ?? null,
    });
    return product;
  },
});
