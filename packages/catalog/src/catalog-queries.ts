import { findByBarcode } from './barcodes/find-by-barcode.js';
import { categoryTree, getCategory, listCategories } from './categories/category-queries.js';
import { getPriceList, listPriceLists, listPrices } from './prices/price-queries.js';
import { resolvePrice } from './prices/resolve-price.js';
import { getProduct, searchProducts } from './products/product-queries.js';
import { getSku, searchSkus } from './skus/sku-queries.js';
import { getTaxClass, listTaxClasses } from './tax-classes/tax-class-queries.js';

/**
 * Every catalog query, written as `(runner, input, { actor })`, to run with your own runner:
 * `catalogQueries.getSku(runner, { sku: 'TEE-M' }, { actor })`. {@link createCatalog} binds each
 * to its runner as a method of the same name.
 */
export const catalogQueries = Object.freeze({
  getCategory,
  listCategories,
  categoryTree,
  getTaxClass,
  listTaxClasses,
  getProduct,
  searchProducts,
  getSku,
  searchSkus,
  findByBarcode,
  getPriceList,
  listPriceLists,
  listPrices,
  resolvePrice,
});
