import { calendarOf } from '../locations/location-calendar.js';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { formatUnits } from '../stock/stock-units.js';
import type { LocationRecord, ReservationRecord, StockItemRecord } from '../storage/inventory-records.js';

/** The stream of one reservation's events. */
export function reservationStream(id: string): string {
  return `reservation:${id}`;
}

/** One line of a reservation event: what happened to one SKU. */
export interface ReservationEventLine {
  /** The item. */
  readonly item: StockItemRecord;
  /** How much was reserved, committed or released, in the item's units. */
  readonly units: bigint;
  /** The unit cost booked (commits only). */
  readonly unitCost?: string | null;
}

/**
 * Emits a reservation event on its stream, with the complete fact: reservation, reference,
 * location and currency, business date, status afterwards, and per line SKU, category, unit and
 * quantity.
 */
export function emitReservationEvent(
  ctx: InventoryCommandContext,
  type: string,
  reservation: ReservationRecord,
  location: LocationRecord,
  lines: readonly ReservationEventLine[],
): void {
  ctx.emit({
    type,
    stream: reservationStream(reservation.id),
    storeId: location.id,
    payload: {
      reservationId: reservation.id,
      reference: reservation.reference,
      locationId: location.id,
      currency: location.currency,
      status: reservation.status,
      expiresAt: reservation.expiresAt,
      businessDate: calendarOf(location).businessDayOf(ctx.now),
      // Two literals rather than a conditional spread, which costs about a microsecond per line.
      lines: lines.map(({ item, units, unitCost }) =>
        unitCost === undefined
          ? {
              sku: item.sku,
              categoryId: item.categoryId,
              unit: item.unit,
              quantity: formatUnits(units, item.scale),
            }
          : {
              sku: item.sku,
              categoryId: item.categoryId,
              unit: item.unit,
              quantity: formatUnits(units, item.scale),
              unitCost,
            },
      ),
    },
  });
}
