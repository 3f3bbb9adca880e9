import {
  type Actor,
  type CommandRunner,
  type CoreRepositories,
  type ExecuteOptions,
  parseInput,
} from '@retailkit/core';
import type { AddBarcodeInput } from './barcodes/add-barcode.js';
import type { BarcodeMatch } from './barcodes/barcode-match.js';
import type { BarcodeRecord } from './barcodes/barcode-record.js';
import type { FindByBarcodeInput } from './barcodes/find-by-barcode.js';
import type { RemoveBarcodeInput } from './barcodes/remove-barcode.js';
import type { CatalogCommand } from './catalog-command.js';
import { catalogCommands } from './catalog-commands.js';
import { catalogQueries } from './catalog-queries.js';
import type { CatalogRepositories } from './catalog-repository.js';
import type { GetCategoryInput, ListCategoriesInput } from './categories/category-queries.js';
import type { CategoryRecord } from './categories/category-record.js';
import type { CategoryTreeNode } from './categories/category-tree-node.js';
import type { CreateCategoryInput } from './categories/create-category.js';
import type { UpdateCategoryInput } from './categories/update-category.js';
import type { Page } from './pagination/page.js';
import type { CreatePriceListInput } from './prices/create-price-list.js';
import type { PriceListRecord } from './prices/price-list-record.js';
import type { GetPriceListInput, ListPricesInput } from './prices/price-queries.js';
import type { PriceRecord } from './prices/price-record.js';
import type { RemovePriceInput } from './prices/remove-price.js';
import type { ResolvePriceInput } from './prices/resolve-price.js';
import type { ResolvedPrice } from './prices/resolved-price.js';
import type { SetPriceInput } from './prices/set-price.js';
import type { UpdatePriceListInput } from './prices/update-price-list.js';
import type { CreateProductInput } from './products/create-product.js';
import type { GetProductInput } from './products/product-queries.js';
import type { ProductRecord } from './products/product-record.js';
import type { UpdateProductInput } from './products/update-product.js';
import type { CatalogQuery } from './queries/catalog-query.js';
import type { SearchInput } from './queries/search-input.js';
import type { CreateSkuInput } from './skus/create-sku.js';
import type { SkuDetails } from './skus/sku-details.js';
import type { GetSkuInput, SearchSkusInput } from './skus/sku-queries.js';
import type { SkuRecord } from './skus/sku-record.js';
import type { UpdateSkuInput } from './skus/update-sku.js';
import type { CreateTaxClassInput } from './tax-classes/create-tax-class.js';
import type { GetTaxClassInput } from './tax-classes/tax-class-queries.js';
import type { TaxClassRecord } from './tax-classes/tax-class-record.js';
import type { UpdateTaxClassInput } from './tax-classes/update-tax-class.js';

/** Who reads: catalog queries need `catalog.read`, and `resolvePrice` the store too. */
export interface CatalogQueryOptions {
  /** Who reads. */
  readonly actor: Actor;
}

/** Options of {@link createCatalog}. */
export interface CatalogOptions<R extends CoreRepositories & CatalogRepositories> {
  /** The runner commands and queries run through; its storage must provide the catalog repositories. */
  readonly runner: CommandRunner<R>;
}

/**
 * The catalog: one method per command (validated, authorised, transactional, idempotent with a
 * key, emitting events) and per query (authorised, read-only). Commands return plain JSON records.
 */
export interface Catalog {
  /** Creates a category (`catalog.write`). */
  createCategory(input: CreateCategoryInput, options: ExecuteOptions): Promise<CategoryRecord>;
  /** Renames or moves a category with its subtree (`catalog.write`). */
  updateCategory(input: UpdateCategoryInput, options: ExecuteOptions): Promise<CategoryRecord>;
  /** Creates a tax class (`catalog.write`). */
  createTaxClass(input: CreateTaxClassInput, options: ExecuteOptions): Promise<TaxClassRecord>;
  /** Changes a tax class (`catalog.write`). */
  updateTaxClass(input: UpdateTaxClassInput, options: ExecuteOptions): Promise<TaxClassRecord>;
  /** Creates a product (`catalog.write`). */
  createProduct(input: CreateProductInput, options: ExecuteOptions): Promise<ProductRecord>;
  /** Changes a product (`catalog.write`). */
  updateProduct(input: UpdateProductInput, options: ExecuteOptions): Promise<ProductRecord>;
  /** Creates a SKU, with barcodes if given (`catalog.write`). */
  createSku(input: CreateSkuInput, options: ExecuteOptions): Promise<SkuRecord>;
  /** Changes a SKU (`catalog.write`). */
  updateSku(input: UpdateSkuInput, options: ExecuteOptions): Promise<SkuRecord>;
  /** Adds a barcode to a SKU; unique across the catalog (`catalog.write`). */
  addBarcode(input: AddBarcodeInput, options: ExecuteOptions): Promise<BarcodeRecord>;
  /** Removes a barcode from a SKU (`catalog.write`). */
  removeBarcode(input: RemoveBarcodeInput, options: ExecuteOptions): Promise<BarcodeRecord>;
  /** Creates a price list (`catalog.price`). */
  createPriceList(input: CreatePriceListInput, options: ExecuteOptions): Promise<PriceListRecord>;
  /** Changes a price list (`catalog.price`). */
  updatePriceList(input: UpdatePriceListInput, options: ExecuteOptions): Promise<PriceListRecord>;
  /** Sets a price in a price list, chain-wide or for one store (`catalog.price`, in that store). */
  setPrice(input: SetPriceInput, options: ExecuteOptions): Promise<PriceRecord>;
  /** Removes a price (`catalog.price`, in its store for a store price). */
  removePrice(input: RemovePriceInput, options: ExecuteOptions): Promise<PriceRecord>;

  /** A category by id. */
  getCategory(input: GetCategoryInput, options: CatalogQueryOptions): Promise<CategoryRecord>;
  /** Categories in tree order, or one subtree. */
  listCategories(
    input: ListCategoriesInput,
    options: CatalogQueryOptions,
  ): Promise<readonly CategoryRecord[]>;
  /** The category tree, or one subtree. */
  categoryTree(
    input: ListCategoriesInput,
    options: CatalogQueryOptions,
  ): Promise<readonly CategoryTreeNode[]>;
  /** A tax class by id. */
  getTaxClass(input: GetTaxClassInput, options: CatalogQueryOptions): Promise<TaxClassRecord>;
  /** Every tax class. */
  listTaxClasses(
    input: Record<string, never>,
    options: CatalogQueryOptions,
  ): Promise<readonly TaxClassRecord[]>;
  /** A product by id. */
  getProduct(input: GetProductInput, options: CatalogQueryOptions): Promise<ProductRecord>;
  /** Products by name prefix, category subtree and status, paged. */
  searchProducts(input: SearchInput, options: CatalogQueryOptions): Promise<Page<ProductRecord>>;
  /** A SKU by code, with its barcodes. */
  getSku(input: GetSkuInput, options: CatalogQueryOptions): Promise<SkuDetails>;
  /** SKUs by name prefix, category subtree, status and product, paged. */
  searchSkus(input: SearchSkusInput, options: CatalogQueryOptions): Promise<Page<SkuRecord>>;
  /** The SKU and product a barcode identifies, or null. */
  findByBarcode(input: FindByBarcodeInput, options: CatalogQueryOptions): Promise<BarcodeMatch | null>;
  /** A price list by id. */
  getPriceList(input: GetPriceListInput, options: CatalogQueryOptions): Promise<PriceListRecord>;
  /** Every price list. */
  listPriceLists(
    input: Record<string, never>,
    options: CatalogQueryOptions,
  ): Promise<readonly PriceListRecord[]>;
  /** The prices of a SKU. */
  listPrices(input: ListPricesInput, options: CatalogQueryOptions): Promise<readonly PriceRecord[]>;
  /** The effective price of a SKU in a store at an instant, with its tax rate (authorised in the store). */
  resolvePrice(input: ResolvePriceInput, options: CatalogQueryOptions): Promise<ResolvedPrice>;
}

/**
 * Creates the catalog over a command runner whose storage provides the catalog repositories
 * (`createMemoryStorage()` does).
 *
 * @example
 * ```ts
 * const catalog = createCatalog({ runner: createCommandRunner({ storage: createMemoryStorage() }) });
 * await catalog.createTaxClass({ id: 'standard', name: 'Standard', rate: '19' }, { actor });
 * ```
 */
export function createCatalog<R extends CoreRepositories & CatalogRepositories>(
  options: CatalogOptions<R>,
): Catalog {
  const { runner } = options;
  const command =
    <I, T>(definition: CatalogCommand<I, T>) =>
    (input: I, executeOptions: ExecuteOptions): Promise<T> =>
      runner.execute(definition, input, executeOptions);
  const query =
    <I, T>(definition: CatalogQuery<I, T>) =>
    async (rawInput: I, queryOptions: CatalogQueryOptions): Promise<T> => {
      const input = parseInput(definition.input, rawInput, `${definition.name} input`);
      const storeId = definition.storeId?.(input);
      const now = runner.clock.now();
      return runner.query(
        {
          actor: queryOptions.actor,
          permission: definition.permission,
          ...(storeId === undefined ? {} : { storeId }),
        },
        (tx) => definition.read(tx, input, now),
      );
    };
  const c = catalogCommands;
  const q = catalogQueries;
  return Object.freeze({
    createCategory: command(c.createCategory),
    updateCategory: command(c.updateCategory),
    createTaxClass: command(c.createTaxClass),
    updateTaxClass: command(c.updateTaxClass),
    createProduct: command(c.createProduct),
    updateProduct: command(c.updateProduct),
    createSku: command(c.createSku),
    updateSku: command(c.updateSku),
    addBarcode: command(c.addBarcode),
    removeBarcode: command(c.removeBarcode),
    createPriceList: command(c.createPriceList),
    updatePriceList: command(c.updatePriceList),
    setPrice: command(c.setPrice),
    removePrice: command(c.removePrice),
    getCategory: query(q.getCategory),
    listCategories: query(q.listCategories),
    categoryTree: query(q.categoryTree),
    getTaxClass: query(q.getTaxClass),
    listTaxClasses: query(q.listTaxClasses),
    getProduct: query(q.getProduct),
    searchProducts: query(q.searchProducts),
    getSku: query(q.getSku),
    searchSkus: query(q.searchSkus),
    findByBarcode: query(q.findByBarcode),
    getPriceList: query(q.getPriceList),
    listPriceLists: query(q.listPriceLists),
    listPrices: query(q.listPrices),
    resolvePrice: query(q.resolvePrice),
  });
}
