export type { AddBarcodeInput } from './barcodes/add-barcode.js';
export type { BarcodeInput } from './barcodes/barcode-input.js';
export { barcodeKey } from './barcodes/barcode-key.js';
export type { BarcodeMatch } from './barcodes/barcode-match.js';
export type { BarcodeRecord } from './barcodes/barcode-record.js';
export type { BarcodeSymbology } from './barcodes/barcode-symbology.js';
export type { FindByBarcodeInput } from './barcodes/find-by-barcode.js';
export { isValidGtin } from './barcodes/gtin.js';
export type { RemoveBarcodeInput } from './barcodes/remove-barcode.js';
export type { CatalogCommand, CatalogCommandRepositories } from './catalog-command.js';
export { catalogCommands } from './catalog-commands.js';
export { CATALOG_PERMISSIONS } from './catalog-permissions.js';
export { catalogQueries } from './catalog-queries.js';
export type {
  CatalogRepositories,
  CatalogRepository,
  PageRequest,
  ProductFilter,
  SkuFilter,
} from './catalog-repository.js';
export type { GetCategoryInput, ListCategoriesInput } from './categories/category-queries.js';
export type { CategoryRecord } from './categories/category-record.js';
export type { CategoryTreeNode } from './categories/category-tree-node.js';
export type { CreateCategoryInput } from './categories/create-category.js';
export type { UpdateCategoryInput } from './categories/update-category.js';
export { type Catalog, type CatalogOptions, createCatalog } from './create-catalog.js';
export {
  CATALOG_EVENT_TYPES,
  type CatalogEvent,
  type CatalogEventPayloads,
  type CatalogEventType,
  isCatalogEvent,
  type SkuProductFacts,
} from './events/catalog-events.js';
export { catalogStreams } from './events/catalog-streams.js';
export type { Page } from './pagination/page.js';
export type { PageKey } from './pagination/page-key.js';
export type { CreatePriceListInput } from './prices/create-price-list.js';
export type { PriceListRecord } from './prices/price-list-record.js';
export type { GetPriceListInput, ListPricesInput } from './prices/price-queries.js';
export type { PriceRecord } from './prices/price-record.js';
export type { RemovePriceInput } from './prices/remove-price.js';
export { type ResolvePriceInput, readResolvedPrice } from './prices/resolve-price.js';
export type { PriceSource, ResolvedPrice } from './prices/resolved-price.js';
export type { SetPriceInput } from './prices/set-price.js';
export type { UpdatePriceListInput } from './prices/update-price-list.js';
export { CATALOG_STATUSES, type CatalogStatus } from './products/catalog-status.js';
export type { CreateProductInput } from './products/create-product.js';
export type { GetProductInput } from './products/product-queries.js';
export type { ProductRecord } from './products/product-record.js';
export type { UpdateProductInput } from './products/update-product.js';
export type { CatalogQuery } from './queries/catalog-query.js';
export type { CatalogQueryOptions } from './queries/catalog-query-options.js';
export type { SearchInput } from './queries/search-input.js';
export type { CreateSkuInput } from './skus/create-sku.js';
export type { SkuDetails } from './skus/sku-details.js';
export type { GetSkuInput, SearchSkusInput } from './skus/sku-queries.js';
export type { SkuRecord } from './skus/sku-record.js';
export type { SkuUnit } from './skus/sku-unit.js';
export type { UpdateSkuInput } from './skus/update-sku.js';
export type { CreateTaxClassInput } from './tax-classes/create-tax-class.js';
export type { GetTaxClassInput } from './tax-classes/tax-class-queries.js';
export type { TaxClassRecord } from './tax-classes/tax-class-record.js';
export type { UpdateTaxClassInput } from './tax-classes/update-tax-class.js';
export { nameKey } from './validation/name-key.js';
