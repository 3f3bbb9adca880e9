import { isValidGtin } from './gtin.js';

/**
 * The unique key of a barcode: a valid GTIN is zero-padded to 14 digits, so one article's UPC-A
 * (`036000291452`) and EAN-13 (`0036000291452`) are the same barcode, as GS1 defines; any other
 * code is its own key. It depends on the code only, so a scanned code finds its SKU whatever
 * symbology it was added with.
 */
export function barcodeKey(code: string): string {
  return isValidGtin(code) ? code.padStart(14, '0') : code;
}
