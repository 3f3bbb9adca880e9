import type {
  BarcodeRecord,
  CategoryRecord,
  PriceListRecord,
  PriceRecord,
  ProductRecord,
  SkuRecord,
  TaxClassRecord,
} from '@retailkit/catalog';
import { MemoryTable } from '../transaction/memory-table.js';

/** The catalog's in-memory tables, shared by every transaction of one storage. */
export class MemoryCatalogTables {
  /** Categories by id. */
  readonly categories = new MemoryTable<string, CategoryRecord>();
  /** Tax classes by id. */
  readonly taxClasses = new MemoryTable<string, TaxClassRecord>();
  /** Products by id. */
  readonly products = new MemoryTable<string, ProductRecord>();
  /** SKUs by code. */
  readonly skus = new MemoryTable<string, SkuRecord>();
  /** The barcode index by key. */
  readonly barcodes = new MemoryTable<string, BarcodeRecord>();
  /** Price lists by id. */
  readonly priceLists = new MemoryTable<string, PriceListRecord>();
  /** Prices by id. */
  readonly prices = new MemoryTable<string, PriceRecord>();
}
