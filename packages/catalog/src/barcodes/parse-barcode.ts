import { barcodeKey } from './barcode-key.js';
import type { BarcodeSymbology } from './barcode-symbology.js';
import { gtinCheckDigit } from './gtin.js';

/** A barcode that passed its symbology's checks. */
export type ParsedBarcode = {
  /** The unique key (see {@link barcodeKey}). */
  readonly key: string;
  /** The code as given. */
  readonly barcode: string;
  /** The symbology, inferred from the length of a GTIN when it was left out. */
  readonly symbology: BarcodeSymbology;
};

type Gs1Symbology = Exclude<BarcodeSymbology, 'other'>;

const GS1_LENGTHS: Readonly<Record<Gs1Symbology, number>> = {
  'ean-8': 8,
  'upc-a': 12,
  'ean-13': 13,
  'gtin-14': 14,
};
const BY_LENGTH: Readonly<Record<number, Gs1Symbology>> = {
  8: 'ean-8',
  12: 'upc-a',
  13: 'ean-13',
  14: 'gtin-14',
};
const OTHER = /^[\x21-\x7e](?:[\x20-\x7e]{0,62}[\x21-\x7e])?$/;

/**
 * Checks a barcode against its symbology: the GS1 ones must be digits of their length with a
 * correct check digit; `other` takes 1 to 64 printable ASCII characters (inner spaces allowed).
 * Without a symbology the code must be a GTIN (8, 12, 13 or 14 digits). Returns the reason as
 * a string when the code is refused.
 */
export function parseBarcode(barcode: string, symbology?: BarcodeSymbology): ParsedBarcode | string {
  if (symbology === 'other') {
    if (!OTHER.test(barcode)) {
      return 'must be 1 to 64 printable ASCII characters, without leading or trailing spaces';
    }
    return { key: barcodeKey(barcode), barcode, symbology };
  }
  const gs1 = symbology ?? BY_LENGTH[barcode.length];
  if (gs1 === undefined || !/^\d+$/.test(barcode)) {
    return symbology === undefined
      ? 'must be an EAN-8, UPC-A, EAN-13 or GTIN-14 (8, 12, 13 or 14 digits), or set symbology "other"'
      : `must be ${GS1_LENGTHS[symbology]} digits for ${symbology}`;
  }
  if (barcode.length !== GS1_LENGTHS[gs1]) return `must be ${GS1_LENGTHS[gs1]} digits for ${gs1}`;
  const check = gtinCheckDigit(barcode.slice(0, -1));
  if (!barcode.endsWith(String(check)))
    return `has a wrong check digit: ${barcode.slice(-1)}, expected ${check}`;
  return { key: barcodeKey(barcode), barcode, symbology: gs1 };
}
