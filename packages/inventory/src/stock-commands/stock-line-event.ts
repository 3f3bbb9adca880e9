import type { JsonValue } from '@retailkit/core';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { emitStockEvent } from '../stock/emit-stock-event.js';
import { formatUnits, toUnits } from '../stock/stock-units.js';
import type { LocationRecord, StockItemRecord, StockLevelRecord } from '../storage/inventory-records.js';

/** One line of a direct stock command, as its event describes it. */
export interface StockLineFact {
  /** Where. */
  readonly location: LocationRecord;
  /** What. */
  readonly item: StockItemRecord;
  /** How much, in the item's units: positive, except for adjustments (the signed change). */
  readonly quantity: bigint;
  /** The unit cost booked with it, or null when unknown. */
  readonly unitCost: string | null;
  /** The level after the whole command. */
  readonly level: StockLevelRecord | undefined;
  /** The location's business date. */
  readonly businessDate: string;
  /** Fields specific to the event type. */
  readonly extra: Readonly<Record<string, JsonValue>>;
}

/**
 * Emits one event for one line of a direct stock command on the stock stream of its SKU and
 * location, carrying the complete fact: location, SKU, category, unit, signed quantity, unit cost
 * and currency, business date, and the level afterwards.
 */
export function emitStockLineEvent(ctx: InventoryCommandContext, type: string, fact: StockLineFact): void {
  const { location, item, level } = fact;
  const scale = item.scale;
  const onHand = level ? toUnits(level.onHand, scale) : 0n;
  const reserved = level ? toUnits(level.reserved, scale) : 0n;
  emitStockEvent(ctx, type, fact, {
    quantity: formatUnits(fact.quantity, scale),
    unitCost: fact.unitCost,
    currency: location.currency,
    businessDate: fact.businessDate,
    onHand: formatUnits(onHand, scale),
    available: formatUnits(onHand - reserved, scale),
    ...fact.extra,
  });
}
