import { MAX_UNIT_SCALE, Quantity, type UnitOfMeasure } from '@retailkit/core';
import type { OrderLineRecord } from '../storage/order-records.js';

// Order lines do not record their unit, so quantities are read at the finest scale any unit may have.
const LINE_UNIT: UnitOfMeasure = { code: 'order-line', scale: MAX_UNIT_SCALE };

/** A line's quantities as exact Quantities: what is due (ordered − cancelled), fulfilled, returned. */
export interface LineQuantities {
  /** Ordered minus cancelled: what fulfilment owes the customer. */
  readonly due: Quantity;
  /** Handed over or shipped. */
  readonly fulfilled: Quantity;
  /** Came back. */
  readonly returned: Quantity;
}

/** Reads a line's decimal-string quantities exactly. */
export function lineQuantities(line: OrderLineRecord): LineQuantities {
  const of = (value: string) => Quantity.of(value, LINE_UNIT);
  return {
    due: of(line.quantity).subtract(of(line.cancelled)),
    fulfilled: of(line.fulfilled),
    returned: of(line.returned),
  };
}
