import type { Policy } from '@retailkit/core';
import type { OrderPricing, OrderStockHooks, StoreCalendarSource } from '../hooks/order-hooks.js';
import type { OrderProcess } from '../process/order-process.js';
import type { OrderStorageRepositories } from '../shared/orders-context.js';
import type { TaxMode, TaxRounding } from '../storage/order-records.js';

/** How the order commands are built: the process, where prices and stock come from, tax rules. */
export interface OrderCommandsOptions<R extends OrderStorageRepositories = OrderStorageRepositories> {
  /** The order process; {@link defaultOrderProcess} when omitted. */
  readonly process?: OrderProcess;
  /** Where line prices come from. */
  readonly pricing: OrderPricing<R>;
  /** How orders move stock; none when omitted. */
  readonly stock?: OrderStockHooks<R>;
  /** Where a new order finds its store's calendar (events carry the business day); none when omitted. */
  readonly storeCalendar?: StoreCalendarSource<R>;
  /** Decides extra permissions inside commands (a price override needs `orders.override-price`). */
  readonly policy: Policy;
  /** Whether a store's prices include tax: `exclusive` by default (a function decides per store). */
  readonly taxMode?: TaxMode | ((storeId: string) => TaxMode);
  /** Where tax is rounded: `per-line` by default (a function decides per store). */
  readonly taxRounding?: TaxRounding | ((storeId: string) => TaxRounding);
}

/** The options with their defaults filled in. */
export interface ResolvedOrderCommandsOptions<R extends OrderStorageRepositories> {
  /** The order process. */
  readonly process: OrderProcess;
  /** Pricing. */
  readonly pricing: OrderPricing<R>;
  /** Stock hooks, if any. */
  readonly stock: OrderStockHooks<R> | undefined;
  /** The store calendar source, if any. */
  readonly storeCalendar: StoreCalendarSource<R> | undefined;
  /** The policy. */
  readonly policy: Policy;
  /** Tax mode of a store. */
  readonly taxMode: (storeId: string) => TaxMode;
  /** Tax rounding of a store. */
  readonly taxRounding: (storeId: string) => TaxRounding;
}
