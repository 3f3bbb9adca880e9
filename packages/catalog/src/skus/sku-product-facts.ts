import type { CatalogRepository } from '../catalog-repository.js';
import type { SkuProductFacts } from '../events/catalog-events.js';
import type { ProductRecord } from '../products/product-record.js';

/** What SKU events say about the product: its name, category (with path) and tax class. */
export async function skuProductFacts(
  catalog: CatalogRepository,
  product: ProductRecord,
): Promise<SkuProductFacts> {
  const category = product.categoryId === null ? undefined : await catalog.getCategory(product.categoryId);
  return {
    id: product.id,
    name: product.name,
    categoryId: product.categoryId,
    categoryPath: category?.path ?? null,
    taxClassId: product.taxClassId,
  };
}
