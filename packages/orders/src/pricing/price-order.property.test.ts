import { getCurrency, isRetailKitError, Money, ROUNDING_MODES, type RoundingMode } from '@retailkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiscountRecord } from '../storage/order-records.js';
import { type PricingInput, priceOrder } from './price-order.js';
import { returnShare } from './refund-share.js';

/** `units / 10^decimals` as a decimal string. */
function decimalString(units: bigint | number, decimals: number): string {
  const digits = units.toString().padStart(decimals + 1, '0');
  return decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

const currencies = fc.constantFrom('EUR', 'USD', 'JPY', 'KWD', 'BHD');

/** A percentage discount held in hundredths (`"12.50"`), so the oracle can use Money.multiply. */
const percentageDiscount = (maxHundredths: number) =>
  fc.integer({ min: 0, max: maxHundredths }).map(
    (hundredths): DiscountRecord => ({
      id: 'p',
      kind: 'percentage',
      value: decimalString(hundredths, 2),
      reason: null,
    }),
  );

/** Any discount: percentages up to 120 % and fixed amounts, some of which exceed what they apply to. */
const discount = (currency: string) =>
  fc.oneof(
    percentageDiscount(12_000),
    fc.integer({ min: 0, max: 3_000 }).map(
      (minor): DiscountRecord => ({
        id: 'f',
        kind: 'fixed',
        value: Money.ofMinor(minor, currency).amount,
        reason: null,
      }),
    ),
  );

const percentagesOnly = () => percentageDiscount(10_000);

function pricingInput(discounts: (currency: string) => fc.Arbitrary<DiscountRecord>) {
  return currencies.chain((currency) =>
    fc.record({
      currency: fc.constant(currency),
      taxMode: fc.constantFrom('exclusive' as const, 'inclusive' as const),
      taxRounding: fc.constantFrom('per-line' as const, 'per-order' as const),
      roundingMode: fc.constantFrom(...ROUNDING_MODES),
      discounts: fc.array(discounts(currency), { maxLength: 3 }),
      lines: fc.array(
        fc.record({
          id: fc.uuid(),
          quantity: fc
            .tuple(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 0, max: 3 }))
            .map(([units, decimals]) => decimalString(units, decimals)),
          unitPrice: fc
            .integer({ min: 0, max: 200_000 })
            .map((minor) => Money.ofMinor(minor, currency).amount),
          // A few rates only, so per-order rounding groups several lines.
          taxRate: fc.constantFrom('0', '5', '7.5', '7.50', '19', '20', '21.25'),
          discounts: fc.array(discounts(currency), { maxLength: 3 }),
        }),
        { maxLength: 6 },
      ),
    }),
  );
}

/** Applies discounts in order the way the brief states them, with Money alone; null when one exceeds. */
function oracleDiscount(base: Money, discounts: readonly DiscountRecord[], mode: RoundingMode): Money | null {
  let remaining = base;
  for (const d of discounts) {
    const amount =
      d.kind === 'fixed'
        ? Money.of(d.value, base.currency)
        : // Generated percentages carry exactly two decimals: 12.50 % is the factor 0.1250.
          remaining.multiply(decimalString(BigInt(d.value.replace('.', '')), 4), mode);
    if (amount.greaterThan(remaining)) return null;
    remaining = remaining.subtract(amount);
  }
  return base.subtract(remaining);
}

function checkPriced(input: PricingInput & { roundingMode: RoundingMode }): 'priced' | 'refused' {
  const { currency, roundingMode: mode } = input;
  const money = (amount: string) => Money.of(amount, currency);
  const gross = input.lines.map((line) => money(line.unitPrice).multiply(line.quantity, mode));
  const lineDiscounts = input.lines.map((line, i) => oracleDiscount(gross[i]!, line.discounts, mode));
  const afterLine = gross.map((g, i) => (lineDiscounts[i] === null ? null : g.subtract(lineDiscounts[i]!)));
  const orderDiscount = afterLine.every((a) => a !== null)
    ? oracleDiscount(Money.sum(afterLine as Money[], currency), input.discounts, mode)
    : null;

  let priced: ReturnType<typeof priceOrder>;
  try {
    priced = priceOrder(input);
  } catch (error) {
    expect(isRetailKitError(error, 'VALIDATION_FAILED')).toBe(true);
    const path = (error as { issues: { path: string }[] }).issues[0]!.path;
    expect(path).toMatch(/^(lines\.\d+\.discounts\.\d+|discounts\.\d+)\.value$/);
    expect(orderDiscount).toBeNull();
    return 'refused';
  }
  expect(orderDiscount).not.toBeNull();
  const minorUnits = getCurrency(currency).minorUnits;
  const sum = (amounts: readonly string[]) => Money.sum(amounts.map(money), currency);

  priced.lines.forEach((line, i) => {
    for (const amount of [
      line.gross,
      line.lineDiscount,
      line.orderDiscount,
      line.net,
      line.tax,
      line.total,
    ]) {
      expect(amount.split('.')[1]?.length ?? 0).toBe(minorUnits);
      expect(money(amount).isNegative()).toBe(false);
    }
    expect(line.gross).toBe(gross[i]!.amount);
    expect(line.lineDiscount).toBe(lineDiscounts[i]!.amount);
    expect(money(line.net).add(money(line.tax)).amount).toBe(line.total);
    const discounted = money(line.gross)
      .subtract(money(line.lineDiscount))
      .subtract(money(line.orderDiscount));
    expect(input.taxMode === 'exclusive' ? line.net : line.total).toBe(discounted.amount);
  });
  // The order discounts' shares add up exactly to the discounts.
  expect(sum(priced.lines.map((l) => l.orderDiscount)).amount).toBe(orderDiscount!.amount);

  // Tax: every rate's tax is within one minor unit of the exact tax on its lines.
  const byRate = new Map<number, number[]>();
  input.lines.forEach((line, i) => {
    byRate.set(Number(line.taxRate), [...(byRate.get(Number(line.taxRate)) ?? []), i]);
  });
  for (const [rate, indexes] of byRate) {
    const base = sum(
      indexes.map((i) => (input.taxMode === 'exclusive' ? priced.lines[i]!.net : priced.lines[i]!.total)),
    );
    const tax = sum(indexes.map((i) => priced.lines[i]!.tax));
    // Rates have at most 2 decimals: compare tax × (100 + rate) or tax × 100 with base × rate, in hundredths.
    const r = BigInt(Math.round(rate * 100));
    const denominator = input.taxMode === 'exclusive' ? 10_000n : 10_000n + r;
    const error = tax.toMinor() * denominator - base.toMinor() * r;
    const slack = input.taxRounding === 'per-line' ? BigInt(indexes.length) : 1n;
    expect(error < 0n ? -error : error).toBeLessThanOrEqual(denominator * slack);
  }

  const t = priced.totals;
  expect(t.subtotal).toBe(sum(priced.lines.map((l) => l.gross)).amount);
  expect(t.discount).toBe(sum(priced.lines.flatMap((l) => [l.lineDiscount, l.orderDiscount])).amount);
  expect(t.net).toBe(sum(priced.lines.map((l) => l.net)).amount);
  expect(t.tax).toBe(sum(priced.lines.map((l) => l.tax)).amount);
  expect(t.total).toBe(sum(priced.lines.map((l) => l.total)).amount);
  expect(money(t.net).add(money(t.tax)).amount).toBe(t.total);
  const afterDiscount = money(t.subtotal).subtract(money(t.discount));
  expect(input.taxMode === 'exclusive' ? afterDiscount.add(money(t.tax)).amount : afterDiscount.amount).toBe(
    t.total,
  );
  return 'priced';
}

describe('priceOrder properties', () => {
  it('prices any order so lines and totals reconcile, or refuses exactly the discount that is too large', () => {
    let priced = 0;
    fc.assert(
      fc.property(pricingInput(discount), (input) => {
        if (checkPriced(input) === 'priced') priced += 1;
      }),
      { numRuns: 300 },
    );
    // Guard against a generator that only ever exercises the refusal path.
    expect(priced).toBeGreaterThan(30);
  });

  it('never refuses percentages of at most 100 %', () => {
    fc.assert(
      fc.property(pricingInput(percentagesOnly), (input) => {
        expect(checkPriced(input)).toBe('priced');
      }),
      { numRuns: 200 },
    );
  });
});

describe('returnShare properties', () => {
  const split = fc
    .tuple(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 0, max: 3 }))
    .chain(([ordered, decimals]) =>
      fc.record({
        ordered: fc.constant(ordered),
        decimals: fc.constant(decimals),
        cuts: fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, ordered - 1) }), { maxLength: 8 }),
        net: fc.integer({ min: 0, max: 10_000_000 }),
        tax: fc.integer({ min: 0, max: 2_000_000 }),
        currency: currencies,
      }),
    );

  it('refunds exactly the line net and tax over any split of the quantity', () => {
    fc.assert(
      fc.property(split, ({ ordered, decimals, cuts, net, tax, currency }) => {
        const points = [0, ...cuts.filter((c) => c < ordered).sort((a, b) => a - b), ordered];
        const line = {
          quantity: decimalString(ordered, decimals),
          net: Money.ofMinor(net, currency).amount,
          tax: Money.ofMinor(tax, currency).amount,
        };
        let refundedNet = 0n;
        let refundedTax = 0n;
        for (let k = 1; k < points.length; k++) {
          const share = returnShare(
            { ...line, returned: decimalString(points[k - 1]!, decimals) },
            decimalString(points[k]! - points[k - 1]!, decimals),
            currency,
          );
          const shareNet = Money.of(share.net, currency).toMinor();
          const shareTax = Money.of(share.tax, currency).toMinor();
          expect(shareNet >= 0n && shareTax >= 0n).toBe(true);
          refundedNet += shareNet;
          refundedTax += shareTax;
        }
        expect(refundedNet).toBe(BigInt(net));
        expect(refundedTax).toBe(BigInt(tax));
      }),
    );
  });
});
