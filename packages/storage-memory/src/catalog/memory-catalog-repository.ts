import type {
  CatalogRepository,
  PageKey,
  PageRequest,
  ProductFilter,
  ProductRecord,
  SkuFilter,
  SkuRecord,
} from '@retailkit/catalog';
import type { MemoryTransaction } from '../transaction/memory-transaction.js';
import { compareCodePoints } from './compare-code-points.js';
import type { MemoryCatalogTables } from './memory-catalog-tables.js';
import { putVersioned } from './put-versioned.js';

function byId<T extends { readonly id: string }>(a: T, b: T): number {
  return compareCodePoints(a.id, b.id);
}

function compareKeys(a: PageKey, b: PageKey): number {
  return compareCodePoints(a.nameKey, b.nameKey) || compareCodePoints(a.id, b.id);
}

/** Sorts by (name key, id) and cuts one page: what a SQL `WHERE (k, id) > (?, ?) ORDER BY k, id LIMIT ?` returns. */
function page<T>(rows: T[], keyOf: (row: T) => PageKey, request: PageRequest): T[] {
  const { after } = request;
  return rows
    .filter((row) => after === undefined || compareKeys(keyOf(row), after) > 0)
    .sort((a, b) => compareKeys(keyOf(a), keyOf(b)))
    .slice(0, request.limit);
}

/** The catalog repository over in-memory tables, bound to one transaction. */
export function memoryCatalogRepository(
  tables: MemoryCatalogTables,
  tx: MemoryTransaction,
): CatalogRepository {
  const { categories, taxClasses, products, skus, barcodes, priceLists, prices } = tables;

  /** The ids of the categories in a subtree, for the category filters. */
  const categoryIdsUnder = (pathPrefix: string): Set<string> =>
    new Set(
      [...categories.values(tx)].filter((category) => category.path.startsWith(pathPrefix)).map((c) => c.id),
    );

  const productMatches =
    (filter: ProductFilter, inCategory: Set<string> | undefined) => (product: ProductRecord) =>
      (filter.namePrefix === undefined || product.nameKey.startsWith(filter.namePrefix)) &&
      (filter.status === undefined || product.status === filter.status) &&
      (inCategory === undefined || (product.categoryId !== null && inCategory.has(product.categoryId)));

  return {
    async getCategory(id) {
      return categories.get(tx, id);
    },
    async putCategory(record, expectedVersion) {
      putVersioned(categories, tx, 'category', record.id, record, expectedVersion);
    },
    async listCategories(pathPrefix) {
      return [...categories.values(tx)]
        .filter((category) => pathPrefix === undefined || category.path.startsWith(pathPrefix))
        .sort((a, b) => compareCodePoints(a.path, b.path));
    },
    async repathCategories(from, to, updatedAt) {
      const moved = [...categories.values(tx)].filter((category) => category.path.startsWith(from));
      for (const category of moved) {
        categories.set(tx, category.id, {
          ...category,
          path: to + category.path.slice(from.length),
          version: category.version + 1,
          updatedAt,
        });
      }
      return moved.length;
    },
    async lockCategoryTree() {
      // Transactions run one at a time: holding one is holding the lock.
    },

    async getTaxClass(id) {
      return taxClasses.get(tx, id);
    },
    async putTaxClass(record, expectedVersion) {
      putVersioned(taxClasses, tx, 'tax class', record.id, record, expectedVersion);
    },
    async listTaxClasses() {
      return [...taxClasses.values(tx)].sort(byId);
    },

    async getProduct(id) {
      return products.get(tx, id);
    },
    async putProduct(record, expectedVersion) {
      putVersioned(products, tx, 'product', record.id, record, expectedVersion);
    },
    async searchProducts(filter, request) {
      const inCategory =
        filter.categoryPath === undefined ? undefined : categoryIdsUnder(filter.categoryPath);
      const rows = [...products.values(tx)].filter(productMatches(filter, inCategory));
      return page(rows, (product) => ({ nameKey: product.nameKey, id: product.id }), request);
    },

    async getSku(code) {
      return skus.get(tx, code);
    },
    async putSku(record, expectedVersion) {
      putVersioned(skus, tx, 'sku', record.code, record, expectedVersion);
    },
    async searchSkus(filter: SkuFilter, request) {
      const inCategory =
        filter.categoryPath === undefined ? undefined : categoryIdsUnder(filter.categoryPath);
      const matches = (sku: SkuRecord) => {
        if (filter.namePrefix !== undefined && !sku.nameKey.startsWith(filter.namePrefix)) return false;
        if (filter.status !== undefined && sku.status !== filter.status) return false;
        if (filter.productId !== undefined && sku.productId !== filter.productId) return false;
        if (inCategory === undefined) return true;
        const categoryId = products.get(tx, sku.productId)?.categoryId;
        return categoryId !== undefined && categoryId !== null && inCategory.has(categoryId);
      };
      const rows = [...skus.values(tx)].filter(matches);
      return page(rows, (sku) => ({ nameKey: sku.nameKey, id: sku.code }), request);
    },

    async findSkuByBarcode(key) {
      return barcodes.get(tx, key);
    },
    async listBarcodes(sku) {
      return [...barcodes.values(tx)]
        .filter((barcode) => barcode.sku === sku)
        .sort((a, b) => compareCodePoints(a.key, b.key));
    },
    async claimBarcode(record) {
      // Transactions run one at a time, so check-then-insert is atomic here.
      if (barcodes.has(tx, record.key)) return false;
      barcodes.set(tx, record.key, record);
      return true;
    },
    async releaseBarcode(key, sku) {
      if (barcodes.get(tx, key)?.sku !== sku) return false;
      barcodes.delete(tx, key);
      return true;
    },

    async getPriceList(id) {
      return priceLists.get(tx, id);
    },
    async putPriceList(record, expectedVersion) {
      putVersioned(priceLists, tx, 'price list', record.id, record, expectedVersion);
    },
    async listPriceLists() {
      return [...priceLists.values(tx)].sort(byId);
    },

    async getPrice(id) {
      return prices.get(tx, id);
    },
    async putPrice(record, expectedVersion) {
      putVersioned(prices, tx, 'price', record.id, record, expectedVersion);
    },
    async deletePrice(id) {
      if (!prices.has(tx, id)) return false;
      prices.delete(tx, id);
      return true;
    },
    async listPricesForSku(sku) {
      return [...prices.values(tx)].filter((price) => price.sku === sku).sort(byId);
    },
    async lockPrices(priceListId, sku) {
      // Transactions run one at a time: reading is locking.
      return [...prices.values(tx)]
        .filter((price) => price.sku === sku && price.priceListId === priceListId)
        .sort(byId);
    },
  };
}
