/** The outbox streams catalog events are appended to, one per record; events of a stream keep their order. */
export const catalogStreams = Object.freeze({
  /** `category:<id>`. */
  category: (id: string) => `category:${id}`,
  /** `tax-class:<id>`. */
  taxClass: (id: string) => `tax-class:${id}`,
  /** `product:<id>`. */
  product: (id: string) => `product:${id}`,
  /** `sku:<code>`: the SKU's own changes, its barcodes and its prices. */
  sku: (code: string) => `sku:${code}`,
  /** `price-list:<id>`. */
  priceList: (id: string) => `price-list:${id}`,
});
