import { toNanoUnits } from '../shared/order-quantity.js';
import type { OrderLineRecord } from '../storage/order-records.js';

/**
 * A line's quantities, exact, in 10^-9 units (order lines do not record their unit, so they are
 * read at the finest scale any unit may have): what is due, fulfilled, returned.
 */
export interface LineQuantities {
  /** Ordered minus cancelled: what fulfilment owes the customer. */
  readonly due: bigint;
  /** Handed over or shipped. */
  readonly fulfilled: bigint;
  /** Came back. */
  readonly returned: bigint;
}

/** Reads a line's decimal-string quantities exactly. */
export function lineQuantities(line: OrderLineRecord): LineQuantities {
  return {
    due: toNanoUnits(line.quantity) - toNanoUnits(line.cancelled),
    fulfilled: toNanoUnits(line.fulfilled),
    returned: toNanoUnits(line.returned),
  };
}
