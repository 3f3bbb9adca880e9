import type { BarcodeRecord } from '../barcodes/barcode-record.js';
import type { SkuRecord } from './sku-record.js';

/** A SKU with its barcodes, as `getSku` returns it. */
export type SkuDetails = SkuRecord & {
  /** Its barcodes, ordered by key. */
  readonly barcodes: readonly BarcodeRecord[];
};
