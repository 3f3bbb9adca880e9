import type { Money } from '@retailkit/core';
import type { OrderCommandContext, OrderStorageRepositories } from '../shared/orders-context.js';
import type { OrderRecord, ReturnRecord } from '../storage/order-records.js';

/** What the catalog says about a SKU sold in a store: its price, tax and facts for events. */
export interface PricedSku {
  /** The SKU code. */
  readonly sku: string;
  /** Its display name. */
  readonly name: string;
  /** Its category, for reports and events. */
  readonly categoryId: string | null;
  /** The price in the store (tax included when the store's prices are). */
  readonly unitPrice: Money;
  /** The tax class. */
  readonly taxClassId: string;
  /** Its rate in the store, in percent (`"19"`). */
  readonly taxRate: string;
  /** How many decimals its quantities may have (0 for pieces, 3 for kg); any when omitted. */
  readonly unitScale?: number;
}

/** What pricing is asked for: SKUs sold by a store at an instant, in a currency when given. */
export interface PriceRequest {
  /** The selling store. */
  readonly storeId: string;
  /** The SKUs, without duplicates. */
  readonly skus: readonly string[];
  /** The instant prices must be valid at. */
  readonly at: Date;
  /** Only prices in this currency. */
  readonly currency?: string | undefined;
}

/**
 * Where order lines get their prices, inside the command's transaction. The `retailkit` facade
 * reads the catalog (store price list first, then the SKU's list price); alone, pass your own.
 */
export interface OrderPricing<R extends OrderStorageRepositories = OrderStorageRepositories> {
  /** The price of each SKU; a missing or unsellable SKU is a ValidationError naming `lines.<i>.sku` (use `paths`). */
  price(
    ctx: OrderCommandContext<R>,
    request: PriceRequest,
    paths: ReadonlyMap<string, string>,
  ): Promise<ReadonlyMap<string, PricedSku>>;
}

/** A SKU and a quantity (decimal string). */
export interface SkuQuantity {
  /** The SKU. */
  readonly sku: string;
  /** How much. */
  readonly quantity: string;
}

/** A returned SKU quantity and its condition. */
export interface ReturnedSkuQuantity extends SkuQuantity {
  /** `sellable` back on the shelf, `damaged` written off. */
  readonly condition: 'sellable' | 'damaged';
}

/**
 * How orders move stock, inside the command's transaction: the facade wires these to inventory
 * (reserve on placing, commit on fulfilment, release on cancellation, restock on return). Alone,
 * the orders module moves no stock when they are left out.
 */
export interface OrderStockHooks<R extends OrderStorageRepositories = OrderStorageRepositories> {
  /** Reserves every line at `order.locationId`, all lines checked together; returns the reservation ids. */
  reserve(
    ctx: OrderCommandContext<R>,
    order: OrderRecord,
    lines: readonly SkuQuantity[],
  ): Promise<readonly string[]>;
  /** Sells reserved stock (fulfilment). */
  commit(ctx: OrderCommandContext<R>, order: OrderRecord, lines: readonly SkuQuantity[]): Promise<void>;
  /** Releases what is still reserved (cancellation). */
  release(ctx: OrderCommandContext<R>, order: OrderRecord): Promise<void>;
  /** Takes returned goods back at `ret.locationId`. */
  restock(
    ctx: OrderCommandContext<R>,
    order: OrderRecord,
    ret: ReturnRecord,
    lines: readonly ReturnedSkuQuantity[],
  ): Promise<void>;
}

/** A store's time zone and business-day start. */
export interface StoreCalendar {
  /** IANA time zone, e.g. `Europe/Berlin`. */
  readonly timeZone: string;
  /** When the business day starts, `HH:mm`. */
  readonly dayStart: string;
}

/**
 * Where an order finds its store's calendar, inside the command's transaction, so its events
 * carry the store-local business day. The facade reads inventory's location of the store.
 */
export type StoreCalendarSource<R extends OrderStorageRepositories = OrderStorageRepositories> = (
  ctx: OrderCommandContext<R>,
  storeId: string,
) => Promise<StoreCalendar | undefined>;
