import type { DomainEvent } from '@retailkit/core';
import type { BarcodeRecord } from '../barcodes/barcode-record.js';
import type { CategoryRecord } from '../categories/category-record.js';
import type { PriceListRecord } from '../prices/price-list-record.js';
import type { PriceRecord } from '../prices/price-record.js';
import type { ProductRecord } from '../products/product-record.js';
import type { SkuRecord } from '../skus/sku-record.js';
import type { TaxClassRecord } from '../tax-classes/tax-class-record.js';

/** What a SKU event says about the SKU's product, so consumers need not read it back. */
export type SkuProductFacts = {
  /** The product id. */
  readonly id: string;
  /** The product name. */
  readonly name: string;
  /** Its category, or null. */
  readonly categoryId: string | null;
  /** The category's path (`/food/dairy/`), or null; lets consumers roll up by any ancestor. */
  readonly categoryPath: string | null;
  /** Its tax class. */
  readonly taxClassId: string;
};

/**
 * The payload of every catalog event, by event type. Each carries the whole record after the
 * change and, for updates, the record before it and the names of the fields that changed.
 */
export type CatalogEventPayloads = {
  /** A category was created. Stream `category:<id>`. */
  readonly 'catalog.category-created': { readonly category: CategoryRecord };
  /**
   * A category was renamed or moved. When moved, `movedDescendants` categories under it got new
   * paths too (each path with the old prefix replaced by the new one). Stream `category:<id>`.
   */
  readonly 'catalog.category-updated': {
    readonly category: CategoryRecord;
    readonly previous: CategoryRecord;
    readonly changed: readonly string[];
    readonly movedDescendants: number;
  };
  /** A tax class was created. Stream `tax-class:<id>`. */
  readonly 'catalog.tax-class-created': { readonly taxClass: TaxClassRecord };
  /** A tax class changed. Stream `tax-class:<id>`. */
  readonly 'catalog.tax-class-updated': {
    readonly taxClass: TaxClassRecord;
    readonly previous: TaxClassRecord;
    readonly changed: readonly string[];
  };
  /** A product was created. Stream `product:<id>`. */
  readonly 'catalog.product-created': {
    readonly product: ProductRecord;
    readonly categoryPath: string | null;
  };
  /** A product changed (a status change to `discontinued` included). Stream `product:<id>`. */
  readonly 'catalog.product-updated': {
    readonly product: ProductRecord;
    readonly previous: ProductRecord;
    readonly changed: readonly string[];
    readonly categoryPath: string | null;
  };
  /** A SKU was created, with the barcodes it was created with. Stream `sku:<code>`. */
  readonly 'catalog.sku-created': {
    readonly sku: SkuRecord;
    readonly product: SkuProductFacts;
    readonly barcodes: readonly BarcodeRecord[];
  };
  /** A SKU changed (a status change to `discontinued` included). Stream `sku:<code>`. */
  readonly 'catalog.sku-updated': {
    readonly sku: SkuRecord;
    readonly previous: SkuRecord;
    readonly changed: readonly string[];
    readonly product: SkuProductFacts;
  };
  /** A barcode was added to a SKU. Stream `sku:<code>`. */
  readonly 'catalog.barcode-added': { readonly barcode: BarcodeRecord };
  /** A barcode was removed from a SKU, freeing it for another. Stream `sku:<code>`. */
  readonly 'catalog.barcode-removed': { readonly barcode: BarcodeRecord };
  /** A price list was created. Stream `price-list:<id>`. */
  readonly 'catalog.price-list-created': { readonly priceList: PriceListRecord };
  /** A price list changed. Stream `price-list:<id>`. */
  readonly 'catalog.price-list-updated': {
    readonly priceList: PriceListRecord;
    readonly previous: PriceListRecord;
    readonly changed: readonly string[];
  };
  /**
   * A price was set: a new one, or a new amount for the same list, SKU, store and validity
   * (`previous` then holds the old one). Stream `sku:<code>`; the event's store is the price's.
   */
  readonly 'catalog.price-set': {
    readonly price: PriceRecord;
    readonly previous: PriceRecord | null;
    readonly priceList: PriceListRecord;
  };
  /** A price was removed. Stream `sku:<code>`; the event's store is the price's. */
  readonly 'catalog.price-removed': { readonly price: PriceRecord; readonly priceList: PriceListRecord };
};

/** The type of a catalog event, e.g. `catalog.sku-created`. */
export type CatalogEventType = keyof CatalogEventPayloads;

/** Every catalog event type. */
export const CATALOG_EVENT_TYPES: readonly CatalogEventType[] = Object.freeze([
  'catalog.category-created',
  'catalog.category-updated',
  'catalog.tax-class-created',
  'catalog.tax-class-updated',
  'catalog.product-created',
  'catalog.product-updated',
  'catalog.sku-created',
  'catalog.sku-updated',
  'catalog.barcode-added',
  'catalog.barcode-removed',
  'catalog.price-list-created',
  'catalog.price-list-updated',
  'catalog.price-set',
  'catalog.price-removed',
]);

/** A catalog event as read from the outbox, its payload typed by its type. */
export type CatalogEvent = {
  [K in CatalogEventType]: DomainEvent<K, CatalogEventPayloads[K]>;
}[CatalogEventType];

/** Whether an outbox event is a catalog event (narrowing its payload by its type). */
export function isCatalogEvent(event: DomainEvent): event is CatalogEvent {
  return (CATALOG_EVENT_TYPES as readonly string[]).includes(event.type);
}
