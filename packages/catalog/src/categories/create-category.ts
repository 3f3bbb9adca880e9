import { defineCommand } from '@retailkit/core';
import { z } from 'zod';
import type { CatalogCommand } from '../catalog-command.js';
import { CATALOG_PERMISSIONS } from '../catalog-permissions.js';
import { catalogStreams } from '../events/catalog-streams.js';
import { emitCatalogEvent } from '../events/emit-catalog-event.js';
import { alreadyExists } from '../validation/already-exists.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { catalogNameSchema } from '../validation/catalog-name-schema.js';
import { categoryPath } from './category-path.js';
import type { CategoryRecord } from './category-record.js';
import { referencedCategory } from './referenced-category.js';

/** Input of `catalog.create-category`. */
export interface CreateCategoryInput {
  /** The id; a new UUIDv7 (or the runner's id generator's next id) when left out. */
  readonly id?: string | undefined;
  /** Display name. */
  readonly name: string;
  /** The parent category; a root category when left out or null. */
  readonly parentId?: string | null | undefined;
}

const schema: z.ZodType<CreateCategoryInput, CreateCategoryInput> = z.strictObject({
  id: catalogIdSchema.optional(),
  name: catalogNameSchema,
  parentId: catalogIdSchema.nullable().optional(),
});

/** Creates a category, at the root or under a parent. Emits `catalog.category-created`. */
export const createCategory: CatalogCommand<CreateCategoryInput, CategoryRecord> = defineCommand({
  name: 'catalog.create-category',
  permission: CATALOG_PERMISSIONS.write,
  input: schema,
  handler: async (ctx, input) => {
    const { catalog } = ctx.tx;
    const id = input.id ?? ctx.ids.next();
    if (await catalog.getCategory(id)) throw alreadyExists('category', id);
    // The parent's path must be current: a concurrent move of it would miss this new child.
    if (input.parentId) await catalog.lockCategoryTree();
    const parent = await referencedCategory(catalog, ctx.command, 'parentId', input.parentId);
    const now = ctx.now.toISOString();
    const category: CategoryRecord = {
      id,
      name: input.name,
      parentId: input.parentId ?? null,
      path: categoryPath(parent?.path ?? null, id),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await catalog.putCategory(category, null);
    emitCatalogEvent(ctx, 'catalog.category-created', catalogStreams.category(id), { category });
    return category;
  },
});
