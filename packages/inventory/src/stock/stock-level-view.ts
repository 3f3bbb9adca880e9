import type { StockItemRecord, StockLevelRecord } from '../storage/inventory-records.js';
import { AVERAGE_COST_SCALE } from './moving-average-cost.js';
import { formatUnits, toUnits } from './stock-units.js';

/** A stock level as queries and results show it: quantities at the item's scale, available derived. */
export interface StockLevel {
  /** The location. */
  readonly locationId: string;
  /** The SKU. */
  readonly sku: string;
  /** The item's unit code. */
  readonly unit: string;
  /** Physically at the location. */
  readonly onHand: string;
  /** Promised to open reservations. */
  readonly reserved: string;
  /** On hand minus reserved. */
  readonly available: string;
  /** Expected from open purchase orders and transfers. */
  readonly incoming: string;
  /** Shipped here by transfers and not yet received (part of incoming). */
  readonly inTransit: string;
  /** Buffer stock. */
  readonly safetyStock: string;
  /** Backorder policy. */
  readonly backorder: StockLevelRecord['backorder'];
  /** With `allow`, how far below zero available may go; null for no limit. */
  readonly backorderLimit: string | null;
  /** Moving-average unit cost in the location's currency, null before any costed receipt. */
  readonly averageCost: string | null;
}

/** An all-zero level for a key nothing has happened to yet. */
export function emptyLevel(locationId: string, sku: string, now: string): StockLevelRecord {
  return {
    locationId,
    sku,
    onHand: '0',
    reserved: '0',
    incoming: '0',
    inTransit: '0',
    safetyStock: '0',
    backorder: 'refuse',
    backorderLimit: null,
    averageCost: null,
    updatedAt: now,
  };
}

/** The view of a stored level, with quantities formatted at the item's scale. */
export function toStockLevel(
  record: StockLevelRecord,
  item: Pick<StockItemRecord, 'unit' | 'scale'>,
): StockLevel {
  const scale = item.scale;
  const onHand = toUnits(record.onHand, scale);
  const reserved = toUnits(record.reserved, scale);
  return {
    locationId: record.locationId,
    sku: record.sku,
    unit: item.unit,
    onHand: formatUnits(onHand, scale),
    reserved: formatUnits(reserved, scale),
    available: formatUnits(onHand - reserved, scale),
    incoming: formatUnits(toUnits(record.incoming, scale), scale),
    inTransit: formatUnits(toUnits(record.inTransit, scale), scale),
    safetyStock: formatUnits(toUnits(record.safetyStock, scale), scale),
    backorder: record.backorder,
    backorderLimit:
      record.backorderLimit === null ? null : formatUnits(toUnits(record.backorderLimit, scale), scale),
    // Adapters may store the cost in a canonical form ("38"); results always show its 6 decimals.
    averageCost:
      record.averageCost === null
        ? null
        : formatUnits(toUnits(record.averageCost, AVERAGE_COST_SCALE), AVERAGE_COST_SCALE),
  };
}
