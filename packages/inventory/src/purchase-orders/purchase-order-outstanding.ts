import { maxUnits, toUnits } from '../stock/stock-units.js';
import type { PurchaseOrderLineRecord } from '../storage/inventory-records.js';

/**
 * What a purchase order line still expects, in the item's units: ordered − received, never below
 * zero (an over-receipt leaves nothing outstanding). Open orders raise `incoming` by exactly this.
 */
export function poOutstanding(
  line: Pick<PurchaseOrderLineRecord, 'ordered' | 'received'>,
  scale: number,
): bigint {
  return maxUnits(toUnits(line.ordered, scale) - toUnits(line.received, scale), 0n);
}
