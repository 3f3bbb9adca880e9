import { formatUnits } from '../stock/stock-units.js';

/** A total quantity of one unit of measure. */
export type UnitTotal = {
  /** The unit code (`each`, `kg`, …). */
  readonly unit: string;
  /** The sum, a decimal string at the finest scale added for that unit. */
  readonly quantity: string;
};

/**
 * Sums quantities per unit code, because units of different measures never add up (3 `each` and
 * 1.5 `kg` are two totals, not 4.5 of anything).
 */
export class UnitTotals {
  readonly #totals = new Map<string, { units: bigint; scale: number }>();

  /** Adds `units` (a bigint at `scale`) of `unit`. */
  add(unit: string, units: bigint, scale: number): this {
    const total = this.#totals.get(unit) ?? { units: 0n, scale };
    if (scale > total.scale) {
      total.units *= 10n ** BigInt(scale - total.scale);
      total.scale = scale;
    }
    total.units += units * 10n ** BigInt(total.scale - scale);
    this.#totals.set(unit, total);
    return this;
  }

  /** The totals ordered by unit code. */
  list(): UnitTotal[] {
    return [...this.#totals.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([unit, total]) => ({ unit, quantity: formatUnits(total.units, total.scale) }));
  }
}
