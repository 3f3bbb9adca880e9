import { Money, RetailKitError, type RoundingMode } from '@retailkit/core';
import type { DiscountRecord, OrderTotalsRecord, TaxMode, TaxRounding } from '../storage/order-records.js';
import { readExactDecimal } from './exact-decimal.js';
import { lineDiscountTotal } from './line-discounts.js';
import { lineTaxes } from './line-taxes.js';
import { moneyAtPath } from './money-at-path.js';
import { orderDiscountShares } from './order-discount-shares.js';

/** One line to price: decimal strings in the order's currency, validated by the caller. */
export interface PricingLineInput {
  /** The line id, echoed in the result. */
  readonly id: string;
  /** Quantity, greater than zero; may be fractional (`"0.375"` kg). */
  readonly quantity: string;
  /** Price per unit, tax included when the order's tax mode is `inclusive`. */
  readonly unitPrice: string;
  /** Tax rate in percent (`"19"`, `"7.5"`). */
  readonly taxRate: string;
  /** This line's own discounts, applied in order. */
  readonly discounts: readonly DiscountRecord[];
}

/** What {@link priceOrder} prices. */
export interface PricingInput {
  /** ISO 4217 currency of every amount. */
  readonly currency: string;
  /** Whether unit prices include tax. */
  readonly taxMode: TaxMode;
  /** Whether tax is rounded per line or once per rate over the order. */
  readonly taxRounding: TaxRounding;
  /** The lines, in order (allocation remainders go to earlier lines first). */
  readonly lines: readonly PricingLineInput[];
  /** Discounts on the whole order, applied in order after the line discounts. */
  readonly discounts: readonly DiscountRecord[];
  /** How gross, percentage discounts and tax round to the minor unit; `half-up` by default. */
  readonly roundingMode?: RoundingMode;
}

/** One priced line; every amount has exactly the currency's decimals. */
export interface PricedLine {
  /** The line id. */
  readonly id: string;
  /** unitPrice × quantity, rounded to the minor unit. */
  readonly gross: string;
  /** The line's own discounts. */
  readonly lineDiscount: string;
  /** Its share of the order's discounts. */
  readonly orderDiscount: string;
  /** Without tax, after all discounts. */
  readonly net: string;
  /** Its tax (its share of the rate's order tax when rounding is per order). */
  readonly tax: string;
  /** net + tax. */
  readonly total: string;
}

/** The result of {@link priceOrder}: the lines and the totals they add up to. */
export interface PricedOrder {
  /** The lines, in input order. */
  readonly lines: readonly PricedLine[];
  /** Sums over the lines. */
  readonly totals: OrderTotalsRecord;
}

/**
 * Prices an order exactly: gross per line, line discounts, order discounts allocated over the
 * lines to the minor unit, then tax (exclusive or inclusive, rounded per line or per order).
 * Every line has `net + tax = total`; the totals are the lines' sums, so `subtotal − discount +
 * tax = total` (exclusive) or `subtotal − discount = total` (inclusive) hold to the minor unit.
 * A discount worth more than what it applies to is a `ValidationError` naming
 * `lines.<i>.discounts.<j>.value` or `discounts.<j>.value`.
 *
 * @example
 * ```ts
 * const line = { quantity: '1', unitPrice: '0.99', taxRate: '0', discounts: [] };
 * const priced = priceOrder({
 *   currency: 'EUR',
 *   taxMode: 'exclusive',
 *   taxRounding: 'per-line',
 *   lines: [{ id: '1', ...line }, { id: '2', ...line }, { id: '3', ...line }],
 *   discounts: [{ id: 'd', kind: 'fixed', value: '0.04', reason: null }],
 * });
 * priced.lines.map((l) => l.orderDiscount); // ['0.02', '0.01', '0.01']
 * ```
 */
export function priceOrder(input: PricingInput): PricedOrder {
  const { currency, taxMode, taxRounding } = input;
  const mode = input.roundingMode ?? 'half-up';
  const gross = input.lines.map((line, i) => lineGross(line, currency, `lines.${i}`, mode));
  const lineDiscounts = input.lines.map((line, i) =>
    lineDiscountTotal(gross[i]!, line.discounts, `lines.${i}.discounts`, mode),
  );
  const afterLineDiscounts = gross.map((amount, i) => amount.subtract(lineDiscounts[i]!));
  const orderDiscounts = orderDiscountShares(afterLineDiscounts, input.discounts, currency, mode);
  const discounted = afterLineDiscounts.map((amount, i) => amount.subtract(orderDiscounts[i]!));
  const taxes = lineTaxes(
    discounted.map((amount, i) => ({
      amount,
      rate: readExactDecimal(input.lines[i]!.taxRate, `lines.${i}.taxRate`),
    })),
    taxMode,
    taxRounding,
    mode,
  );
  const lines = input.lines.map((line, i): PricedLine => {
    const tax = taxes[i]!;
    // Exclusive: the discounted amount is the net and tax goes on top; inclusive: it is the total.
    const net = taxMode === 'exclusive' ? discounted[i]! : discounted[i]!.subtract(tax);
    return {
      id: line.id,
      gross: gross[i]!.amount,
      lineDiscount: lineDiscounts[i]!.amount,
      orderDiscount: orderDiscounts[i]!.amount,
      net: net.amount,
      tax: tax.amount,
      total: net.add(tax).amount,
    };
  });
  return { lines, totals: sumLines(lines, currency) };
}

function lineGross(line: PricingLineInput, currency: string, path: string, mode: RoundingMode): Money {
  const quantity = readExactDecimal(line.quantity, `${path}.quantity`);
  if (quantity.units === 0n) {
    throw new RetailKitError('INTERNAL', `Pricing got a zero quantity at ${path}.quantity`, {
      details: { path: `${path}.quantity`, value: line.quantity },
    });
  }
  readExactDecimal(line.unitPrice, `${path}.unitPrice`);
  return moneyAtPath(line.unitPrice, currency, `${path}.unitPrice`, 'order line').multiply(
    line.quantity,
    mode,
  );
}

function sumLines(lines: readonly PricedLine[], currency: string): OrderTotalsRecord {
  const sum = (pick: (line: PricedLine) => readonly string[]): string =>
    Money.sum(
      lines.flatMap((line) => pick(line).map((amount) => Money.of(amount, currency))),
      currency,
    ).amount;
  return {
    subtotal: sum((line) => [line.gross]),
    discount: sum((line) => [line.lineDiscount, line.orderDiscount]),
    net: sum((line) => [line.net]),
    tax: sum((line) => [line.tax]),
    total: sum((line) => [line.total]),
  };
}
