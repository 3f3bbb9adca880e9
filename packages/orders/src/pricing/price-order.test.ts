import { isRetailKitError } from '@retailkit/core';
import { describe, expect, it } from 'vitest';
import type { DiscountRecord } from '../storage/order-records.js';
import { type PricingInput, type PricingLineInput, priceOrder } from './price-order.js';
import { returnShare } from './refund-share.js';

function line(id: string, unitPrice: string, overrides: Partial<PricingLineInput> = {}): PricingLineInput {
  return { id, quantity: '1', unitPrice, taxRate: '0', discounts: [], ...overrides };
}

function fixed(value: string): DiscountRecord {
  return { id: `fixed-${value}`, kind: 'fixed', value, reason: null };
}

function percent(value: string): DiscountRecord {
  return { id: `percent-${value}`, kind: 'percentage', value, reason: null };
}

function order(overrides: Partial<PricingInput> & Pick<PricingInput, 'lines'>): PricingInput {
  return { currency: 'EUR', taxMode: 'exclusive', taxRounding: 'per-line', discounts: [], ...overrides };
}

function pick<K extends keyof ReturnType<typeof priceOrder>['lines'][number]>(
  priced: ReturnType<typeof priceOrder>,
  key: K,
): string[] {
  return priced.lines.map((l) => String(l[key]));
}

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

const threeAt099 = [line('1', '0.99'), line('2', '0.99'), line('3', '0.99')];

describe('priceOrder — a 0.04 order discount over three 0.99 lines', () => {
  it('splits it 0.02 / 0.01 / 0.01 and the totals reconcile (0 % tax)', () => {
    const priced = priceOrder(order({ lines: threeAt099, discounts: [fixed('0.04')] }));
    expect(pick(priced, 'orderDiscount')).toEqual(['0.02', '0.01', '0.01']);
    expect(pick(priced, 'net')).toEqual(['0.97', '0.98', '0.98']);
    expect(pick(priced, 'tax')).toEqual(['0.00', '0.00', '0.00']);
    expect(priced.totals).toEqual({
      subtotal: '2.97',
      discount: '0.04',
      net: '2.93',
      tax: '0.00',
      total: '2.93',
    });
    const first = priced.lines[0]!;
    const refund = returnShare({ ...first, quantity: '1', returned: '0' }, '1', 'EUR');
    expect(refund).toEqual({ net: '0.97', tax: '0.00' });
  });

  it('taxes each line at 19 % when rounding per line: 0.18 / 0.19 / 0.19', () => {
    const lines = threeAt099.map((l) => ({ ...l, taxRate: '19' }));
    const priced = priceOrder(order({ lines, discounts: [fixed('0.04')] }));
    expect(pick(priced, 'orderDiscount')).toEqual(['0.02', '0.01', '0.01']);
    // 0.97 × 0.19 = 0.1843 and 0.98 × 0.19 = 0.1862.
    expect(pick(priced, 'tax')).toEqual(['0.18', '0.19', '0.19']);
    expect(pick(priced, 'total')).toEqual(['1.15', '1.17', '1.17']);
    expect(priced.totals).toEqual({
      subtotal: '2.97',
      discount: '0.04',
      net: '2.93',
      tax: '0.56',
      total: '3.49',
    });
    const first = priced.lines[0]!;
    expect(returnShare({ ...first, quantity: '1', returned: '0' }, '1', 'EUR')).toEqual({
      net: '0.97',
      tax: '0.18',
    });
  });

  it('rounds 19 % once over the order and splits it 0.19 / 0.19 / 0.18 when rounding per order', () => {
    const lines = threeAt099.map((l) => ({ ...l, taxRate: '19' }));
    const priced = priceOrder(order({ lines, discounts: [fixed('0.04')], taxRounding: 'per-order' }));
    // 2.93 × 0.19 = 0.5567 → 0.56, allocated by net 0.97 : 0.98 : 0.98.
    expect(pick(priced, 'tax')).toEqual(['0.19', '0.19', '0.18']);
    expect(priced.totals.tax).toBe('0.56');
    expect(priced.totals.total).toBe('3.49');
    const first = priced.lines[0]!;
    expect(returnShare({ ...first, quantity: '1', returned: '0' }, '1', 'EUR')).toEqual({
      net: '0.97',
      tax: '0.19',
    });
  });
});

describe('priceOrder — inclusive VAT', () => {
  const lines = [line('1', '0.10'), line('2', '0.10'), line('3', '0.10')].map((l) => ({
    ...l,
    taxRate: '19',
  }));

  it('per line: 0.10 × 19/119 rounds to 0.02 on each line, 0.06 in all', () => {
    const priced = priceOrder(order({ lines, taxMode: 'inclusive' }));
    expect(pick(priced, 'tax')).toEqual(['0.02', '0.02', '0.02']);
    expect(pick(priced, 'net')).toEqual(['0.08', '0.08', '0.08']);
    expect(pick(priced, 'total')).toEqual(['0.10', '0.10', '0.10']);
    expect(priced.totals).toEqual({
      subtotal: '0.30',
      discount: '0.00',
      net: '0.24',
      tax: '0.06',
      total: '0.30',
    });
  });

  it('per order: 0.30 × 19/119 rounds to 0.05, a cent less, split 0.02 / 0.02 / 0.01', () => {
    const priced = priceOrder(order({ lines, taxMode: 'inclusive', taxRounding: 'per-order' }));
    expect(pick(priced, 'tax')).toEqual(['0.02', '0.02', '0.01']);
    expect(pick(priced, 'net')).toEqual(['0.08', '0.08', '0.09']);
    expect(priced.totals).toEqual({
      subtotal: '0.30',
      discount: '0.00',
      net: '0.25',
      tax: '0.05',
      total: '0.30',
    });
  });

  it('keeps the discounted price as the total and takes the tax out of it', () => {
    const priced = priceOrder(
      order({
        lines: [line('1', '11.90', { taxRate: '19', discounts: [fixed('1.19')] })],
        taxMode: 'inclusive',
      }),
    );
    expect(priced.lines[0]).toMatchObject({ lineDiscount: '1.19', total: '10.71', tax: '1.71', net: '9.00' });
  });

  it('rounds rates written differently ("19", "19.00") as one rate per order', () => {
    const priced = priceOrder(
      order({
        lines: [
          line('1', '0.10', { taxRate: '19' }),
          line('2', '0.10', { taxRate: '19.00' }),
          line('3', '0.10', { taxRate: '19.0' }),
        ],
        taxMode: 'inclusive',
        taxRounding: 'per-order',
      }),
    );
    expect(priced.totals.tax).toBe('0.05');
  });
});

describe('priceOrder — percentage discounts', () => {
  it('applies line percentages one after another and an order percentage to what remains', () => {
    const priced = priceOrder(
      order({
        lines: [line('1', '10.00', { discounts: [percent('10'), percent('5')] }), line('2', '3.33')],
        discounts: [percent('10')],
      }),
    );
    // 10 % of 10.00, then 5 % of 9.00; then 10 % of 8.55 + 3.33 = 1.188 → 1.19, split 855 : 333.
    expect(pick(priced, 'lineDiscount')).toEqual(['1.45', '0.00']);
    expect(pick(priced, 'orderDiscount')).toEqual(['0.86', '0.33']);
    expect(pick(priced, 'net')).toEqual(['7.69', '3.00']);
    expect(priced.totals).toMatchObject({ subtotal: '13.33', discount: '2.64', total: '10.69' });
  });

  it('rounds a half-cent discount half-up by default and half-even when asked', () => {
    const lines = [line('1', '0.20', { discounts: [percent('12.5')] })];
    expect(priceOrder(order({ lines })).lines[0]!.lineDiscount).toBe('0.03');
    expect(priceOrder(order({ lines, roundingMode: 'half-even' })).lines[0]!.lineDiscount).toBe('0.02');
  });

  it('a second order discount is split over what the first one left', () => {
    const priced = priceOrder(
      order({ lines: [line('1', '1.00'), line('2', '1.00')], discounts: [fixed('1.00'), fixed('0.50')] }),
    );
    expect(pick(priced, 'orderDiscount')).toEqual(['0.75', '0.75']);
  });

  it('gives a fully discounted line no share of a later order discount', () => {
    const priced = priceOrder(
      order({
        lines: [line('1', '5.00', { discounts: [percent('100')] }), line('2', '3.00')],
        discounts: [fixed('1.00')],
      }),
    );
    expect(pick(priced, 'orderDiscount')).toEqual(['0.00', '1.00']);
    expect(pick(priced, 'net')).toEqual(['0.00', '2.00']);
  });
});

describe('priceOrder — currencies with 0 and 3 decimals', () => {
  it('prices yen without decimals', () => {
    const priced = priceOrder(
      order({
        currency: 'JPY',
        lines: [line('1', '333', { quantity: '3', taxRate: '8' }), line('2', '500', { taxRate: '8' })],
        discounts: [percent('10')],
      }),
    );
    // 10 % of 1499 = 149.9 → 150, split 999 : 500 → 100 / 50.
    expect(pick(priced, 'orderDiscount')).toEqual(['100', '50']);
    expect(pick(priced, 'tax')).toEqual(['72', '36']);
    expect(priced.totals).toEqual({
      subtotal: '1499',
      discount: '150',
      net: '1349',
      tax: '108',
      total: '1457',
    });
  });

  it('prices dinars (KWD) to the fils, with a fractional quantity and tax per order', () => {
    const priced = priceOrder(
      order({
        currency: 'KWD',
        taxRounding: 'per-order',
        lines: [
          line('1', '1.250', { quantity: '0.375', taxRate: '5' }),
          line('2', '2.000', { taxRate: '5' }),
        ],
        discounts: [fixed('0.010')],
      }),
    );
    // 1.250 × 0.375 = 0.46875 → 0.469; 5 % of 2.459 = 0.12295 → 0.123.
    expect(pick(priced, 'gross')).toEqual(['0.469', '2.000']);
    expect(pick(priced, 'orderDiscount')).toEqual(['0.002', '0.008']);
    expect(pick(priced, 'tax')).toEqual(['0.024', '0.099']);
    expect(priced.totals).toEqual({
      subtotal: '2.469',
      discount: '0.010',
      net: '2.459',
      tax: '0.123',
      total: '2.582',
    });
  });

  it('prices Bahraini dinars with tax included, per line', () => {
    const priced = priceOrder(
      order({
        currency: 'BHD',
        taxMode: 'inclusive',
        lines: [
          line('1', '1.100', { quantity: '2', taxRate: '10' }),
          line('2', '0.999', { quantity: '0.375', taxRate: '10' }),
        ],
      }),
    );
    expect(pick(priced, 'gross')).toEqual(['2.200', '0.375']);
    expect(pick(priced, 'tax')).toEqual(['0.200', '0.034']);
    expect(pick(priced, 'net')).toEqual(['2.000', '0.341']);
    expect(priced.totals).toEqual({
      subtotal: '2.575',
      discount: '0.000',
      net: '2.341',
      tax: '0.234',
      total: '2.575',
    });
  });
});

describe('priceOrder — refused input', () => {
  it('refuses a line discount larger than what is left of the line, naming it', () => {
    const error = errorOf(() =>
      priceOrder(
        order({
          lines: [line('1', '0.99'), line('2', '0.99', { discounts: [percent('50'), fixed('0.50')] })],
        }),
      ),
    );
    expect(isRetailKitError(error, 'VALIDATION_FAILED')).toBe(true);
    expect(error).toMatchObject({ issues: [{ path: 'lines.1.discounts.1.value' }] });
  });

  it('refuses an order discount larger than the order, naming it', () => {
    const error = errorOf(() =>
      priceOrder(order({ lines: threeAt099, discounts: [fixed('1.00'), percent('101')] })),
    );
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'discounts.1.value' }] });
  });

  it('refuses a fixed discount finer than the currency allows, naming it', () => {
    const error = errorOf(() => priceOrder(order({ lines: threeAt099, discounts: [fixed('0.001')] })));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'discounts.0.value' }] });
  });

  it('treats a zero or negative quantity, or a negative price, as a caller bug', () => {
    for (const bad of [
      line('1', '1.00', { quantity: '0' }),
      line('1', '1.00', { quantity: '-1' }),
      line('1', '-1.00'),
    ]) {
      expect(errorOf(() => priceOrder(order({ lines: [bad] })))).toMatchObject({ code: 'INTERNAL' });
    }
  });

  it('prices an order without lines as zero', () => {
    expect(priceOrder(order({ lines: [] })).totals).toEqual({
      subtotal: '0.00',
      discount: '0.00',
      net: '0.00',
      tax: '0.00',
      total: '0.00',
    });
  });
});
