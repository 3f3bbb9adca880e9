import type { StockItemRecord } from '../storage/inventory-records.js';

/** One SKU a reservation asks for (lines of the same SKU are merged first). */
export interface AllocationLine {
  /** The SKU. */
  readonly sku: string;
  /** The stocked item (unit, scale, category). */
  readonly item: StockItemRecord;
  /** The total asked for, in the item's units (greater than zero). */
  readonly units: bigint;
}

/** What a strategy is asked to place. */
export interface AllocationRequest {
  /** The order's store. */
  readonly locationId: string;
  /** Locations to draw from, in order of preference, as the caller gave them (may be empty). */
  readonly preference: readonly string[];
  /** One line per SKU, in the order the SKUs first appear in the command. */
  readonly lines: readonly AllocationLine[];
}

/** Reads stock inside the reserving transaction, for strategies that look before they place. */
export interface AvailabilityReader {
  /**
   * On hand minus reserved of `sku` at `locationId`, in the item's units (zero when nothing ever
   * happened there; negative after backorders). Backorder allowances are not included: only the
   * guarded update applies them.
   */
  available(locationId: string, sku: string): Promise<bigint>;
}

/** The part of a request placed at one location. */
export interface Allocation {
  /** Where the stock is reserved. */
  readonly locationId: string;
  /** What is reserved there, in the item's units. */
  readonly lines: readonly {
    /** The SKU. */
    readonly sku: string;
    /** How much of it, greater than zero. */
    readonly units: bigint;
  }[];
}

/**
 * Decides where a reservation's stock comes from. It may only use the order's store and the
 * preference locations (the actor is authorised for exactly those), must place every unit asked
 * for, and may read availability to decide; it does not need to be right about it, because the
 * guarded atomic update re-checks every location and refuses with InsufficientStockError.
 */
export interface AllocationStrategy {
  /** A name for errors and events, e.g. `store` or `split-by-availability`. */
  readonly name: string;
  /** Places every line of `request`, returning one allocation per location used. */
  allocate(request: AllocationRequest, availability: AvailabilityReader): Promise<readonly Allocation[]>;
}
