import { z } from 'zod';
import type { Page } from '../pagination/page.js';
import { readPage } from '../pagination/read-page.js';
import type { CatalogQuery } from '../queries/catalog-query.js';
import { defineCatalogQuery } from '../queries/define-catalog-query.js';
import { resolveSearch } from '../queries/resolve-search.js';
import { searchFields } from '../queries/search-fields.js';
import type { SearchInput } from '../queries/search-input.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { requireFound } from '../validation/require-found.js';
import type { ProductRecord } from './product-record.js';

/** Input of `getProduct`. */
export interface GetProductInput {
  /** The product id. */
  readonly id: string;
}

/** The product with this id; NotFoundError when there is none. */
export const getProduct: CatalogQuery<GetProductInput, ProductRecord> = defineCatalogQuery({
  name: 'catalog.get-product',
  input: z.strictObject({ id: catalogIdSchema }),
  read: async (tx, input) => requireFound('product', input.id, await tx.catalog.getProduct(input.id)),
});

const searchInput: z.ZodType<SearchInput, SearchInput> = z.strictObject(searchFields);

/** Products by name prefix, category subtree and status, ordered by name then id, one page at a time. */
export const searchProducts: CatalogQuery<SearchInput, Page<ProductRecord>> = defineCatalogQuery({
  name: 'catalog.search-products',
  input: searchInput,
  read: async (tx, input) => {
    const { filter, limit, after } = await resolveSearch(tx, 'catalog.search-products', input);
    return readPage(
      limit,
      after,
      (page) => tx.catalog.searchProducts(filter, page),
      (product) => ({ nameKey: product.nameKey, id: product.id }),
    );
  },
});
