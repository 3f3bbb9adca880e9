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
import type { SkuDetails } from './sku-details.js';
import type { SkuRecord } from './sku-record.js';

/** Input of `getSku`. */
export interface GetSkuInput {
  /** The SKU code. */
  readonly sku: string;
}

/** Input of `searchSkus`: the product search's filters, and optionally one product. */
export interface SearchSkusInput extends SearchInput {
  /** Only the SKUs of this product. */
  readonly productId?: string | undefined;
}

/** The SKU with this code and its barcodes; NotFoundError when there is none. */
export const getSku: CatalogQuery<GetSkuInput, SkuDetails> = defineCatalogQuery({
  name: 'catalog.get-sku',
  input: z.strictObject({ sku: catalogIdSchema }),
  read: async (tx, input) => {
    const sku = requireFound('sku', input.sku, await tx.catalog.getSku(input.sku));
    return { ...sku, barcodes: await tx.catalog.listBarcodes(sku.code) };
  },
});

const searchInput: z.ZodType<SearchSkusInput, SearchSkusInput> = z.strictObject({
  ...searchFields,
  productId: catalogIdSchema.optional(),
});

/**
 * SKUs by name prefix, category subtree (of their product), status (their own) and product,
 * ordered by name then code, one page at a time.
 */
export const searchSkus: CatalogQuery<SearchSkusInput, Page<SkuRecord>> = defineCatalogQuery({
  name: 'catalog.search-skus',
  input: searchInput,
  read: async (tx, input) => {
    const { filter, limit, after } = await resolveSearch(tx, 'catalog.search-skus', input);
    const skuFilter = input.productId === undefined ? filter : { ...filter, productId: input.productId };
    return readPage(
      limit,
      after,
      (page) => tx.catalog.searchSkus(skuFilter, page),
      (sku) => ({ nameKey: sku.nameKey, id: sku.code }),
    );
  },
});
