import { formatUnits, toUnits } from '../stock/stock-units.js';
import type { ReservationRecord, ReservationStatus, StockItemRecord } from '../storage/inventory-records.js';

/** One line of a reservation as results and queries show it, quantities at the item's scale. */
export interface ReservationLineView {
  /** The SKU. */
  readonly sku: string;
  /** The item's unit code. */
  readonly unit: string;
  /** Reserved in total. */
  readonly quantity: string;
  /** Of it, sold. */
  readonly committed: string;
  /** Of it, handed back (released or expired). */
  readonly released: string;
  /** Still held: quantity − committed − released. */
  readonly open: string;
}

/** A reservation as results and queries show it. */
export interface ReservationView {
  /** Reservation id. */
  readonly id: string;
  /** What it is for, e.g. an order id. */
  readonly reference: string;
  /** Where the stock is held. */
  readonly locationId: string;
  /** `open`, or final: `committed`, `released`, `expired`. */
  readonly status: ReservationStatus;
  /** One line per SKU. */
  readonly lines: readonly ReservationLineView[];
  /** When it lapses if still open (ISO), or null. */
  readonly expiresAt: string | null;
  /** Who made it. */
  readonly actorId: string;
  /** When it was made (ISO). */
  readonly createdAt: string;
  /** Last change (ISO). */
  readonly updatedAt: string;
}

/** Units of one reservation line at its item's scale. */
export interface ReservationLineUnits {
  /** Reserved in total. */
  readonly quantity: bigint;
  /** Committed so far. */
  readonly committed: bigint;
  /** Released so far. */
  readonly released: bigint;
  /** Still held. */
  readonly open: bigint;
}

/** The units of a reservation line; `scale` is its item's. */
export function reservationLineUnits(
  line: ReservationRecord['lines'][number],
  scale: number,
): ReservationLineUnits {
  const quantity = toUnits(line.quantity, scale);
  const committed = toUnits(line.committed, scale);
  const released = toUnits(line.released, scale);
  return { quantity, committed, released, open: quantity - committed - released };
}

/** The view of a stored reservation; `items` must hold every SKU of its lines. */
export function toReservationView(
  record: ReservationRecord,
  items: ReadonlyMap<string, Pick<StockItemRecord, 'unit' | 'scale'>>,
): ReservationView {
  return {
    id: record.id,
    reference: record.reference,
    locationId: record.locationId,
    status: record.status,
    lines: record.lines.map((line) => {
      const item = items.get(line.sku);
      if (!item) throw new RangeError(`Reservation ${record.id} holds ${line.sku}, which is not registered`);
      const units = reservationLineUnits(line, item.scale);
      return {
        sku: line.sku,
        unit: item.unit,
        quantity: formatUnits(units.quantity, item.scale),
        committed: formatUnits(units.committed, item.scale),
        released: formatUnits(units.released, item.scale),
        open: formatUnits(units.open, item.scale),
      };
    }),
    expiresAt: record.expiresAt,
    actorId: record.actorId,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
