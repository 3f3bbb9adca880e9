import {
  type Actor,
  authorize,
  type CommandRunner,
  idSchema,
  type MoneyJson,
  NotFoundError,
  parseInput,
} from '@retailkit/core';
import { z } from 'zod';
import { CostSum } from '../reports/cost-sum.js';
import { type UnitTotal, UnitTotals } from '../reports/unit-totals.js';
import type { InventoryStorageRepositories } from '../shared/inventory-context.js';
import { inventoryRead } from '../shared/inventory-read.js';
import { itemOf, loadItems } from '../shared/load-items.js';
import { loadLocation } from '../shared/load-location.js';
import { queryDocument } from '../shared/query-document.js';
import { formatUnits, toUnits } from '../stock/stock-units.js';
import type { StockCountRecord, StockCountStatus } from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';

/** Input of {@link countVarianceReport}. */
export const countVarianceReportInput = z.strictObject({
  /** The count id. */
  countId: idSchema,
});

/** One line of a variance report. */
export type CountVarianceLine = {
  /** The SKU. */
  readonly sku: string;
  /** The item's category, if any. */
  readonly categoryId: string | null;
  /** The item's unit code. */
  readonly unit: string;
  /** On hand when the count opened. */
  readonly expected: string;
  /** What was counted; null when nobody counted it. */
  readonly counted: string | null;
  /** counted − expected; null when uncounted. */
  readonly variance: string | null;
  /** The unit cost the variance is valued at; null when the SKU has no cost at the location. */
  readonly unitCost: string | null;
  /** variance × unit cost, rounded half-even to the currency's minor unit; null when uncounted or without cost. */
  readonly value: MoneyJson | null;
};

/** A count's variances in units and value at cost. */
export type CountVarianceReport = {
  /** The count. */
  readonly countId: string;
  /** The location counted. */
  readonly locationId: string;
  /** The count's state. */
  readonly status: StockCountStatus;
  /** Whether it is blind. */
  readonly blind: boolean;
  /** The location's currency, which values are in. */
  readonly currency: string;
  /** One line per SKU, ordered by SKU. */
  readonly lines: readonly CountVarianceLine[];
  /** Sums over the counted lines. */
  readonly totals: {
    /** Lines counted. */
    readonly counted: number;
    /** Lines nobody counted (not in the sums). */
    readonly uncounted: number;
    /** Counted lines with a variance but no unit cost (not in the values). */
    readonly unvalued: number;
    /** Net variance per unit code. */
    readonly units: readonly UnitTotal[];
    /** Value of the variances above zero (stock found). */
    readonly surplusValue: MoneyJson;
    /** Value of the variances below zero (stock missing), a negative amount. */
    readonly shortageValue: MoneyJson;
    /** surplusValue + shortageValue. */
    readonly netValue: MoneyJson;
  };
};

/**
 * The variance report of a count: per line expected, counted, variance and its value at cost, and
 * totals. Values use the unit cost booked on each correction once the count is posted, and the
 * level's current average cost before; each total is summed exactly and rounded once (half-even),
 * so it may differ by a minor unit from the sum of the rounded line values.
 *
 * Needs `inventory.read` in the count's location; for a blind count that is still open it also needs
 * `inventory.count-review` (managers), because it shows the expected quantities counters must not
 * see.
 */
export async function countVarianceReport(
  runner: CommandRunner<InventoryStorageRepositories>,
  input: z.input<typeof countVarianceReportInput>,
  options: { readonly actor: Actor },
): Promise<CountVarianceReport> {
  const { countId } = parseInput(countVarianceReportInput, input, 'inventory.count-variance-report input');
  const notFound = () => new NotFoundError('count', countId);
  const found = await queryDocument(runner, options.actor, {
    load: (repository) => repository.getCount(countId),
    storesOf: (count) => [count.locationId],
    notFound,
  });
  if (found.blind && found.status === 'open') {
    await authorize(runner.policy, {
      actor: options.actor,
      permission: 'inventory.count-review',
      storeId: found.locationId,
    });
  }
  return runner.query(inventoryRead(options.actor, found.locationId), async (tx) => {
    const count = await tx.inventory.getCount(countId);
    if (!count) throw notFound();
    return buildReport(tx.inventory, count);
  });
}

async function buildReport(
  repository: InventoryRepository,
  count: StockCountRecord,
): Promise<CountVarianceReport> {
  const location = await loadLocation(repository, count.locationId);
  const currency = location.currency;
  const items = await loadItems(
    repository,
    count.lines.map((line) => line.sku),
  );
  const surplus = new CostSum();
  const shortage = new CostSum();
  const units = new UnitTotals();
  let counted = 0;
  let unvalued = 0;
  const lines: CountVarianceLine[] = [];
  for (const line of count.lines) {
    const item = itemOf(items, line.sku);
    const scale = item.scale;
    const expected = toUnits(line.expected, scale);
    const base = {
      sku: item.sku,
      categoryId: item.categoryId,
      unit: item.unit,
      expected: formatUnits(expected, scale),
    };
    if (line.counted === null) {
      lines.push({ ...base, counted: null, variance: null, unitCost: null, value: null });
      continue;
    }
    counted += 1;
    const variance = toUnits(line.counted, scale) - expected;
    units.add(item.unit, variance, scale);
    // A posted correction keeps the cost it was booked at; otherwise value at today's average.
    const unitCost =
      line.unitCost ??
      (await repository.getLevel({ locationId: count.locationId, sku: item.sku }))?.averageCost ??
      null;
    if (unitCost === null && variance !== 0n) unvalued += 1;
    if (unitCost !== null) (variance > 0n ? surplus : shortage).add(variance, scale, unitCost);
    lines.push({
      ...base,
      counted: formatUnits(variance + expected, scale),
      variance: formatUnits(variance, scale),
      unitCost,
      value:
        unitCost === null ? null : new CostSum().add(variance, scale, unitCost).toMoney(currency).toJSON(),
    });
  }
  const surplusValue = surplus.toMoney(currency);
  const shortageValue = shortage.toMoney(currency);
  return {
    countId: count.id,
    locationId: count.locationId,
    status: count.status,
    blind: count.blind,
    currency,
    lines,
    totals: {
      counted,
      uncounted: count.lines.length - counted,
      unvalued,
      units: units.list(),
      surplusValue: surplusValue.toJSON(),
      shortageValue: shortageValue.toJSON(),
      netValue: surplusValue.add(shortageValue).toJSON(),
    },
  };
}
