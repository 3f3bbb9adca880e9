import type { CategoryRecord } from './category-record.js';

/** A category with its children, as `categoryTree` returns it. */
export type CategoryTreeNode = CategoryRecord & {
  /** The child categories, ordered by id. */
  readonly children: readonly CategoryTreeNode[];
};
