import { defineCommand } from '@retailkit/core';
import { z } from 'zod';
import type { CatalogCommand } from '../catalog-command.js';
import { CATALOG_PERMISSIONS } from '../catalog-permissions.js';
import { catalogStreams } from '../events/catalog-streams.js';
import { emitCatalogEvent } from '../events/emit-catalog-event.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { catalogNameSchema } from '../validation/catalog-name-schema.js';
import { expectedVersionSchema } from '../validation/expected-version-schema.js';
import { invalidField } from '../validation/invalid-field.js';
import { nextVersion } from '../validation/next-version.js';
import { requireCurrent } from '../validation/require-current.js';
import { categoryPath } from './category-path.js';
import type { CategoryRecord } from './category-record.js';
import { referencedCategory } from './referenced-category.js';

/** Input of `catalog.update-category`: the fields to change; the others keep their values. */
export interface UpdateCategoryInput {
  /** The category to change. */
  readonly id: string;
  /** Refuse the change (ConflictError, not retried) unless the category is still at this version. */
  readonly expectedVersion?: number | undefined;
  /** A new display name. */
  readonly name?: string | undefined;
  /** A new parent (moves the category with its whole subtree), or null to make it a root. */
  readonly parentId?: string | null | undefined;
}

const schema: z.ZodType<UpdateCategoryInput, UpdateCategoryInput> = z.strictObject({
  id: catalogIdSchema,
  expectedVersion: expectedVersionSchema.optional(),
  name: catalogNameSchema.optional(),
  parentId: catalogIdSchema.nullable().optional(),
});

/**
 * Renames and/or moves a category. A move re-paths the whole subtree; moving a category under
 * itself or one of its descendants is refused. Emits `catalog.category-updated` when anything
 * changed; an update that changes nothing writes nothing and returns the category as it is.
 */
export const updateCategory: CatalogCommand<UpdateCategoryInput, CategoryRecord> = defineCommand({
  name: 'catalog.update-category',
  permission: CATALOG_PERMISSIONS.write,
  input: schema,
  handler: async (ctx, input) => {
    const { catalog } = ctx.tx;
    // A move builds on the paths of the category and its new parent: they must stay current until
    // it commits, or two crosswise moves could both pass the cycle check below.
    if (input.parentId !== undefined) await catalog.lockCategoryTree();
    const stored = await catalog.getCategory(input.id);
    const current = requireCurrent('category', input.id, stored, input.expectedVersion);

    const parentId = input.parentId === undefined ? current.parentId : input.parentId;
    let path = current.path;
    if (parentId !== current.parentId) {
      const parent = await referencedCategory(catalog, ctx.command, 'parentId', parentId);
      if (parent?.path.startsWith(current.path)) {
        throw invalidField(
          ctx.command,
          'parentId',
          `${JSON.stringify(parentId)} is ${parentId === current.id ? 'the category itself' : 'a descendant of the category'}; a category cannot be moved under itself`,
        );
      }
      path = categoryPath(parent?.path ?? null, current.id);
    }

    const { next, changed } = nextVersion<CategoryRecord>(
      current,
      { name: input.name ?? current.name, parentId, path },
      ctx.now,
    );
    if (changed.length === 0) return current;

    await catalog.putCategory(next, current.version);
    const movedDescendants =
      path === current.path ? 0 : await catalog.repathCategories(current.path, path, next.updatedAt);
    emitCatalogEvent(ctx, 'catalog.category-updated', catalogStreams.category(next.id), {
      category: next,
      previous: current,
      changed,
      movedDescendants,
    });
    return next;
  },
});
