import { addBarcode } from './barcodes/add-barcode.js';
import { removeBarcode } from './barcodes/remove-barcode.js';
import { createCategory } from './categories/create-category.js';
import { updateCategory } from './categories/update-category.js';
import { createPriceList } from './prices/create-price-list.js';
import { removePrice } from './prices/remove-price.js';
import { setPrice } from './prices/set-price.js';
import { updatePriceList } from './prices/update-price-list.js';
import { createProduct } from './products/create-product.js';
import { updateProduct } from './products/update-product.js';
import { createSku } from './skus/create-sku.js';
import { updateSku } from './skus/update-sku.js';
import { createTaxClass } from './tax-classes/create-tax-class.js';
import { updateTaxClass } from './tax-classes/update-tax-class.js';

/**
 * Every catalog command definition, to run with your own runner:
 * `runner.execute(catalogCommands.createProduct, input, { actor })`. {@link createCatalog} binds
 * each to its runner as a method of the same name.
 */
export const catalogCommands = Object.freeze({
  createCategory,
  updateCategory,
  createTaxClass,
  updateTaxClass,
  createProduct,
  updateProduct,
  createSku,
  updateSku,
  addBarcode,
  removeBarcode,
  createPriceList,
  updatePriceList,
  setPrice,
  removePrice,
});
