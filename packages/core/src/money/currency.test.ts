import { describe, expect, it } from 'vitest';
import { isRetailKitError, ValidationError } from '../errors/index.js';
import { CURRENCY_CODES, currencySchema, getCurrency, isCurrencyCode } from './currency.js';

describe('getCurrency', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['VND', 0],
    ['ISK', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['IQD', 3],
    ['CLF', 4],
    ['UYW', 4],
    ['XCG', 2],
    ['ZWG', 2],
  ])('%s has %i minor units per ISO 4217', (code, minorUnits) => {
    expect(getCurrency(code)).toEqual({ code, minorUnits });
  });

  it.each(['usd', 'XXX', 'XAU', 'HRK', '', 'US'])(
    'rejects %j with a ValidationError on path currency',
    (code) => {
      const error = (() => {
        try {
          getCurrency(code);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ValidationError);
      expect(isRetailKitError(error, 'VALIDATION_FAILED')).toBe(true);
      expect((error as ValidationError).issues[0]?.path).toBe('currency');
    },
  );

  it('returns a frozen record, so nobody can change the minor units of a currency', () => {
    const usd = getCurrency('USD');
    expect(Object.isFrozen(usd)).toBe(true);
  });
});

describe('currency list', () => {
  it('lists every code once, sorted, each known to isCurrencyCode', () => {
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
    expect([...CURRENCY_CODES].sort()).toEqual(CURRENCY_CODES);
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    expect(CURRENCY_CODES.every((code) => isCurrencyCode(code) && /^[A-Z]{3}$/.test(code))).toBe(true);
  });

  it('currencySchema accepts known codes and explains unknown ones', () => {
    expect(currencySchema.parse('GBP')).toBe('GBP');
    const result = currencySchema.safeParse('gbp');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('ISO 4217');
  });
});
