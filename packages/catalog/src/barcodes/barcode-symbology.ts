import { z } from 'zod';

/**
 * How a barcode is encoded. The GS1 ones (`ean-8`, `upc-a`, `ean-13`, `gtin-14`) are digits with a
 * check digit; `other` is any code of 1 to 64 printable ASCII characters (Code 128, in-store codes).
 */
export type BarcodeSymbology = 'ean-8' | 'upc-a' | 'ean-13' | 'gtin-14' | 'other';

/** Validates a barcode symbology. */
export const barcodeSymbologySchema = z.enum(['ean-8', 'upc-a', 'ean-13', 'gtin-14', 'other'], {
  error: 'must be one of ean-8, upc-a, ean-13, gtin-14, other',
});
