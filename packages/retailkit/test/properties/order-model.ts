import type { OrderChannel } from '@retailkit/orders';

/** The locations orders reserve at: every order is sold by Berlin, delivery orders may ship from the warehouse. */
export const MODEL_LOCATIONS = ['berlin', 'central'] as const;

/** The SKUs of `seedKit`. */
export const MODEL_SKUS = ['TEA', 'MUG', 'TIN'] as const;

/** Stock `seedKit` books in, by `location/sku`. */
export const OPENING_STOCK: ReadonlyMap<string, bigint> = new Map([
  ['berlin/TEA', 10n],
  ['berlin/MUG', 5n],
  ['berlin/TIN', 10n],
  ['central/MUG', 20n],
]);

/** A line as the model expects it: whole units. */
export interface ModelLine {
  readonly id: string;
  readonly sku: string;
  readonly quantity: bigint;
  /** The line's net and tax in cents, as priced. */
  readonly net: bigint;
  readonly tax: bigint;
  fulfilled: bigint;
  returned: bigint;
  cancelled: bigint;
}

/** A payment as the model expects it, in cents. */
export interface ModelPayment {
  readonly key: string;
  authorized: bigint;
  captured: bigint;
  voided: boolean;
}

/** A return and how much of it was refunded by `returnId`, in cents. */
export interface ModelReturn {
  readonly id: string;
  readonly amount: bigint;
  refunded: bigint;
}

/** A history entry the model expects: the event, who and when. */
export interface ExpectedEntry {
  readonly event: string;
  readonly actorId: string;
  readonly at: string;
}

/** One order as the model expects it. */
export interface ModelOrder {
  readonly id: string;
  readonly channel: OrderChannel;
  readonly locationId: string;
  /** The order discount in percent, as given. */
  readonly discountPercent: string | null;
  readonly total: bigint;
  pickupCode: string | null;
  readonly lines: ModelLine[];
  readonly payments: ModelPayment[];
  readonly returns: ModelReturn[];
  /** Fulfilment ids and whether each is on a shipment. */
  readonly fulfilments: { readonly id: string; shipped: boolean }[];
  readonly shipments: { readonly id: string; delivered: boolean }[];
  readonly history: ExpectedEntry[];
  status: string;
  refunded: bigint;
}

/** Key of the stock maps. */
export const stockKey = (locationId: string, sku: string): string => `${locationId}/${sku}`;

/**
 * What the kit should hold after a sequence of commands: the orders, and on hand per location and
 * SKU (opening − fulfilled + returned sellable). Reserved is derived from the orders.
 */
export class OrderKitModel {
  /** Orders in creation order. */
  readonly orders: ModelOrder[] = [];
  /** Expected on hand by `location/sku`. */
  readonly onHand = new Map<string, bigint>(OPENING_STOCK);
  /** Counter for unique payment and refund keys. */
  #keys = 0;

  /** A fresh key for a payment or refund. */
  nextKey(prefix: string): string {
    this.#keys += 1;
    return `${prefix}-${this.#keys}`;
  }

  /** On hand expected at a location. */
  onHandOf(locationId: string, sku: string): bigint {
    return this.onHand.get(stockKey(locationId, sku)) ?? 0n;
  }

  /** Reserved expected: Σ over placed orders of ordered − cancelled − fulfilled. */
  reservedOf(locationId: string, sku: string): bigint {
    let reserved = 0n;
    for (const order of this.orders) {
      if (order.status === 'draft' || order.locationId !== locationId) continue;
      for (const line of order.lines) {
        if (line.sku === sku) reserved += line.quantity - line.cancelled - line.fulfilled;
      }
    }
    return reserved;
  }

  /** Whether `lines` can be reserved at `locationId` all together. */
  canReserve(locationId: string, lines: readonly { sku: string; quantity: bigint }[]): boolean {
    const demand = new Map<string, bigint>();
    for (const line of lines) demand.set(line.sku, (demand.get(line.sku) ?? 0n) + line.quantity);
    return [...demand].every(
      ([sku, quantity]) => quantity <= this.onHandOf(locationId, sku) - this.reservedOf(locationId, sku),
    );
  }

  /** Adds `delta` to on hand. */
  moveStock(locationId: string, sku: string, delta: bigint): void {
    const key = stockKey(locationId, sku);
    this.onHand.set(key, (this.onHand.get(key) ?? 0n) + delta);
  }
}

/** Σ captured of an order. */
export function capturedOf(order: ModelOrder): bigint {
  return order.payments.reduce((sum, payment) => sum + payment.captured, 0n);
}

/** Authorised and neither captured nor voided. */
export function pendingOf(order: ModelOrder): bigint {
  return order.payments.reduce((sum, payment) => sum + payment.authorized - payment.captured, 0n);
}

/** ⌊amount × part ÷ whole⌋: the cents of `part` of `whole` units of a line, as shares are cut. */
const shareOf = (amount: bigint, part: bigint, whole: bigint): bigint => (amount * part) / whole;

/**
 * What a line's cancelled units are worth: their cut of its net and tax, counted after what came
 * back (so a line cancelled and returned in full adds up to what it cost).
 */
function cancelledValueOf(line: ModelLine): bigint {
  const before = line.returned;
  const after = line.returned + line.cancelled;
  return (
    shareOf(line.net, after, line.quantity) -
    shareOf(line.net, before, line.quantity) +
    shareOf(line.tax, after, line.quantity) -
    shareOf(line.tax, before, line.quantity)
  );
}

/** What the kept goods cost: the total less what was cancelled and what was returned. */
export function chargeableOf(order: ModelOrder): bigint {
  const cancelled = order.lines.reduce((sum, line) => sum + cancelledValueOf(line), 0n);
  return order.total - cancelled - order.returns.reduce((sum, ret) => sum + ret.amount, 0n);
}

/**
 * What the customer still owes: what the kept goods cost less what was captured and not refunded
 * for a return; a refund that settles no return is a concession. Never below zero.
 */
export function balanceDueOf(order: ModelOrder): bigint {
  const refundedForReturns = order.returns.reduce((sum, ret) => sum + ret.refunded, 0n);
  const owed = chargeableOf(order) - capturedOf(order) + refundedForReturns;
  return owed < 0n ? 0n : owed;
}

/** What the customer is owed back: captured and not refunded beyond what the kept goods cost. */
export function refundDueOf(order: ModelOrder): bigint {
  const over = capturedOf(order) - order.refunded - chargeableOf(order);
  return over > 0n ? over : 0n;
}

/** What a new payment may still take: balance due − pending authorisations. */
export function authorizableOf(order: ModelOrder): bigint {
  const left = balanceDueOf(order) - pendingOf(order);
  return left < 0n ? 0n : left;
}

/** Captured − refunded. */
export function refundableOf(order: ModelOrder): bigint {
  return capturedOf(order) - order.refunded;
}

/** The process's `fullyPaid` guard, recomputed: nothing is owed. */
export function fullyPaid(order: ModelOrder): boolean {
  return balanceDueOf(order) === 0n;
}

/** Every line has all its quantity not cancelled fulfilled. */
export function fullyFulfilled(order: ModelOrder): boolean {
  return order.lines.every((line) => line.fulfilled >= line.quantity - line.cancelled);
}
