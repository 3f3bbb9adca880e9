import { z } from 'zod';
import type { CatalogRepositories } from '../catalog-repository.js';
import type { CatalogQuery } from '../queries/catalog-query.js';
import { defineCatalogQuery } from '../queries/define-catalog-query.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { requireFound } from '../validation/require-found.js';
import type { CategoryRecord } from './category-record.js';
import type { CategoryTreeNode } from './category-tree-node.js';
import { referencedCategory } from './referenced-category.js';

/** Input of `getCategory`. */
export interface GetCategoryInput {
  /** The category id. */
  readonly id: string;
}

/** Input of `listCategories` and `categoryTree`. */
export interface ListCategoriesInput {
  /** Only this category and its descendants; every category when left out. */
  readonly under?: string | undefined;
}

/** The category with this id; NotFoundError when there is none. */
export const getCategory: CatalogQuery<GetCategoryInput, CategoryRecord> = defineCatalogQuery({
  name: 'catalog.get-category',
  input: z.strictObject({ id: catalogIdSchema }),
  read: async (tx, input) => requireFound('category', input.id, await tx.catalog.getCategory(input.id)),
});

const listInput: z.ZodType<ListCategoriesInput, ListCategoriesInput> = z.strictObject({
  under: catalogIdSchema.optional(),
});

async function categoriesUnder(
  tx: CatalogRepositories,
  query: string,
  under: string | undefined,
): Promise<readonly CategoryRecord[]> {
  const root = await referencedCategory(tx.catalog, query, 'under', under);
  return root === null ? tx.catalog.listCategories() : tx.catalog.listCategories(root.path);
}

/** Categories in tree order (each parent before its children, siblings by id); a subtree with `under`. */
export const listCategories: CatalogQuery<ListCategoriesInput, readonly CategoryRecord[]> =
  defineCatalogQuery({
    name: 'catalog.list-categories',
    input: listInput,
    read: (tx, input) => categoriesUnder(tx, 'catalog.list-categories', input.under),
  });

/** The category tree: the roots (or the category named by `under`), each with its children by id. */
export const categoryTree: CatalogQuery<ListCategoriesInput, readonly CategoryTreeNode[]> =
  defineCatalogQuery({
    name: 'catalog.category-tree',
    input: listInput,
    read: async (tx, input) => {
      const categories = await categoriesUnder(tx, 'catalog.category-tree', input.under);
      const children = new Map<string, CategoryTreeNode[]>();
      const tops: CategoryTreeNode[] = [];
      // Tree order lists parents before children: walking it backwards finishes every child list
      // before its parent is built, and unshifting keeps siblings in the order listed.
      for (const category of [...categories].reverse()) {
        const node: CategoryTreeNode = { ...category, children: children.get(category.id) ?? [] };
        if (category.parentId === null || category.id === input.under) tops.unshift(node);
        else {
          const siblings = children.get(category.parentId) ?? [];
          siblings.unshift(node);
          children.set(category.parentId, siblings);
        }
      }
      return tops;
    },
  });
