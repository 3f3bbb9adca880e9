import type { ProductRecord } from '../products/product-record.js';
import type { SkuRecord } from '../skus/sku-record.js';
import type { BarcodeRecord } from './barcode-record.js';

/** What a scanned barcode finds: the barcode entry, its SKU and the SKU's product. */
export type BarcodeMatch = {
  /** The barcode entry that matched. */
  readonly barcode: BarcodeRecord;
  /** The SKU it identifies. */
  readonly sku: SkuRecord;
  /** The SKU's product. */
  readonly product: ProductRecord;
};
