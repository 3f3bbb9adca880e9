import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barcodeKey } from './barcode-key.js';
import { gtinCheckDigit, isValidGtin } from './gtin.js';
import { parseBarcode } from './parse-barcode.js';

describe('parseBarcode', () => {
  it('accepts GS1 codes with a correct check digit, inferring the symbology from the length', () => {
    expect(parseBarcode('4006381333931')).toEqual({
      key: '04006381333931',
      barcode: '4006381333931',
      symbology: 'ean-13',
    });
    expect(parseBarcode('036000291452')).toMatchObject({ key: '00036000291452', symbology: 'upc-a' });
    expect(parseBarcode('96385074')).toMatchObject({ key: '00000096385074', symbology: 'ean-8' });
    expect(parseBarcode('10036000291459', 'gtin-14')).toMatchObject({ key: '10036000291459' });
  });

  it('refuses a wrong check digit, a length that does not match, and non-digits without "other"', () => {
    expect(parseBarcode('4006381333932')).toBe('has a wrong check digit: 2, expected 1');
    expect(parseBarcode('036000291452', 'ean-13')).toBe('must be 13 digits for ean-13');
    expect(parseBarcode('12345')).toMatch(/or set symbology "other"/);
    expect(parseBarcode('ABC-123')).toMatch(/or set symbology "other"/);
  });

  it('takes any printable ASCII code as "other", keyed as the GTIN it may happen to be', () => {
    expect(parseBarcode('ABC 123', 'other')).toEqual({
      key: 'ABC 123',
      barcode: 'ABC 123',
      symbology: 'other',
    });
    expect(parseBarcode('036000291452', 'other')).toMatchObject({ key: '00036000291452' });
    for (const bad of [' ABC', 'ABC ', 'Ä', 'a\tb', 'x'.repeat(65)])
      expect(typeof parseBarcode(bad, 'other')).toBe('string');
  });

  it('gives every GTIN body exactly one valid check digit (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(7, 11, 12, 13),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 }),
        fc.integer({ min: 0, max: 9 }),
        (length, digits, other) => {
          const body = digits.slice(0, length).join('');
          const check = gtinCheckDigit(body);
          expect(isValidGtin(body + check)).toBe(true);
          if (other !== check) expect(isValidGtin(body + other)).toBe(false);
          // Leading zeros do not change a GTIN: its GTIN-14 form is valid too and shares its key.
          const gtin14 = `${body}${check}`.padStart(14, '0');
          expect(isValidGtin(gtin14)).toBe(true);
          expect(barcodeKey(gtin14)).toBe(barcodeKey(`${body}${check}`));
        },
      ),
    );
  });
});
