import type { BarcodeSymbology } from './barcode-symbology.js';

/** A barcode as stored: an entry of the barcode index, unique across the catalog by `key`. */
export type BarcodeRecord = {
  /**
   * The unique lookup key: for GS1 codes the GTIN zero-padded to 14 digits, so the UPC-A
   * `036000291452` and the EAN-13 `0036000291452` are one barcode; for `other` the code itself.
   */
  readonly key: string;
  /** The code as it was added. */
  readonly barcode: string;
  /** How it is encoded. */
  readonly symbology: BarcodeSymbology;
  /** The SKU it identifies. */
  readonly sku: string;
  /** When it was added (ISO-8601 UTC). */
  readonly createdAt: string;
};
