import { toUnits } from '../stock/stock-units.js';
import type { TransferLineRecord } from '../storage/inventory-records.js';

/**
 * How much of a shipped transfer line is settled, in the item's units: what arrived within the
 * shipped quantity plus what was reported short or damaged (received − over + short + damaged).
 */
export function transferSettled(
  line: Pick<TransferLineRecord, 'received' | 'over' | 'short' | 'damaged'>,
  scale: number,
): bigint {
  return (
    toUnits(line.received, scale) -
    toUnits(line.over, scale) +
    toUnits(line.short, scale) +
    toUnits(line.damaged, scale)
  );
}

/**
 * What of a transfer line is still on the way, in the item's units: shipped − settled. It shows as
 * `inTransit` (and `incoming`) at the destination; the transfer is received when it is zero on
 * every line, which is when shipped = received + short + damaged − over.
 */
export function transferInTransit(line: TransferLineRecord, scale: number): bigint {
  return toUnits(line.shipped, scale) - transferSettled(line, scale);
}
