import type { CatalogRepositories } from '../catalog-repository.js';
import { referencedCategory } from '../categories/referenced-category.js';
import { decodePageCursor } from '../pagination/page-cursor.js';
import type { PageKey } from '../pagination/page-key.js';
import { DEFAULT_PAGE_SIZE } from '../pagination/page-request-schema.js';
import type { CatalogStatus } from '../products/catalog-status.js';
import { nameKey } from '../validation/name-key.js';
import type { SearchInput } from './search-input.js';

/** A search input turned into repository terms: name key prefix, category path, page. */
export interface ResolvedSearch {
  /** The filter, in repository terms. */
  readonly filter: {
    readonly namePrefix?: string;
    readonly categoryPath?: string;
    readonly status?: CatalogStatus;
  };
  /** Page size. */
  readonly limit: number;
  /** Where the page starts. */
  readonly after: PageKey | undefined;
}

/** Resolves the category to its path (a ValidationError on `categoryId` when unknown) and decodes the cursor. */
export async function resolveSearch(
  tx: CatalogRepositories,
  query: string,
  input: SearchInput,
): Promise<ResolvedSearch> {
  const category = await referencedCategory(tx.catalog, query, 'categoryId', input.categoryId);
  const categoryPath = category?.path;
  const prefix = input.namePrefix ? nameKey(input.namePrefix) : undefined;
  return {
    filter: {
      ...(prefix === undefined ? {} : { namePrefix: prefix }),
      ...(categoryPath === undefined ? {} : { categoryPath }),
      ...(input.status === undefined ? {} : { status: input.status }),
    },
    limit: input.limit ?? DEFAULT_PAGE_SIZE,
    after: input.after === undefined ? undefined : decodePageCursor(input.after),
  };
}
