import { minUnits } from '../stock/stock-units.js';
import type { Allocation, AllocationStrategy } from './allocation-strategy.js';

/**
 * Splits each SKU over the preference locations in order: as much as is available at the first,
 * the rest from the next, and so on (without a preference, only the order's store). Whatever no
 * location has is placed at the first location, where the guarded update lets the backorder policy
 * decide: it reserves on backorder when allowed, and otherwise refuses the whole command with
 * InsufficientStockError.
 */
export const splitByAvailability: AllocationStrategy = Object.freeze<AllocationStrategy>({
  name: 'split-by-availability',
  async allocate(request, availability) {
    const order = request.preference.length > 0 ? [...new Set(request.preference)] : [request.locationId];
    const placed = new Map<string, { sku: string; units: bigint }[]>(order.map((id) => [id, []]));
    const place = (locationId: string, sku: string, units: bigint) => {
      const lines = placed.get(locationId) ?? [];
      const existing = lines.find((line) => line.sku === sku);
      if (existing) existing.units += units;
      else lines.push({ sku, units });
      placed.set(locationId, lines);
    };
    for (const line of request.lines) {
      let remaining = line.units;
      for (const locationId of order) {
        if (remaining === 0n) break;
        const available = await availability.available(locationId, line.sku);
        const take = minUnits(available, remaining);
        if (take > 0n) {
          place(locationId, line.sku, take);
          remaining -= take;
        }
      }
      if (remaining > 0n) place(order[0] ?? request.locationId, line.sku, remaining);
    }
    const allocations: Allocation[] = [];
    for (const [locationId, lines] of placed) if (lines.length > 0) allocations.push({ locationId, lines });
    return allocations;
  },
});
