import { type MoneyJson, ValidationError } from '@retailkit/core';
import { itemsBySku } from '../shared/items-by-sku.js';
import { toUnits } from '../stock/stock-units.js';
import type { LocationRecord, StockItemRecord } from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';
import { CostSum } from './cost-sum.js';
import { type UnitTotal, UnitTotals } from './unit-totals.js';

/** Stock on hand of one category (or of a whole location) in units and value at cost. */
export type StockFigures = {
  /** SKUs with stock on hand (not zero). */
  readonly skus: number;
  /** On hand per unit code. */
  readonly units: readonly UnitTotal[];
  /** On hand × average cost, summed exactly and rounded half-even once, in the location's currency. */
  readonly value: MoneyJson;
  /** SKUs with stock but no average cost yet (left out of `value`). */
  readonly unvaluedSkus: number;
};

/** The stock of one category at a location. */
export type CategoryStock = StockFigures & {
  /** The category id; null for items without one. */
  readonly categoryId: string | null;
};

/** A location's stock by category, with totals. */
export type LocationStockSummary = {
  /** The location. */
  readonly locationId: string;
  /** Store or warehouse. */
  readonly kind: LocationRecord['kind'];
  /** Its currency, which values are in. */
  readonly currency: string;
  /** One entry per category with stock, ordered by category id (no category last). */
  readonly categories: readonly CategoryStock[];
  /** The whole location. */
  readonly totals: StockFigures;
};

class FiguresBuilder {
  skus = 0;
  unvaluedSkus = 0;
  readonly units = new UnitTotals();
  readonly value = new CostSum();

  add(item: StockItemRecord, onHand: bigint, averageCost: string | null): void {
    this.skus += 1;
    this.units.add(item.unit, onHand, item.scale);
    if (averageCost === null) this.unvaluedSkus += 1;
    else this.value.add(onHand, item.scale, averageCost);
  }

  build(currency: string): StockFigures {
    return {
      skus: this.skus,
      units: this.units.list(),
      value: this.value.toMoney(currency).toJSON(),
      unvaluedSkus: this.unvaluedSkus,
    };
  }
}

const PAGE = 500;

/**
 * Sums a location's stock on hand per category, reading its levels a page at a time (memory stays
 * bounded by the number of categories, not of SKUs). Levels with nothing on hand are left out;
 * negative on hand (sold on backorder) counts as it is.
 */
export async function summarizeLocationStock(
  repository: InventoryRepository,
  location: LocationRecord,
  filter: { readonly categoryId?: string | undefined } = {},
): Promise<LocationStockSummary> {
  const categories = new Map<string | null, FiguresBuilder>();
  const totals = new FiguresBuilder();
  let after: string | undefined;
  do {
    const page = await repository.listLevels(
      { locationId: location.id },
      { limit: PAGE, ...(after === undefined ? {} : { after }) },
    );
    const items = await itemsBySku(
      repository,
      page.items.map((level) => level.sku),
    );
    for (const level of page.items) {
      const item = items.get(level.sku);
      if (!item) continue;
      if (filter.categoryId !== undefined && item.categoryId !== filter.categoryId) continue;
      const onHand = toUnits(level.onHand, item.scale);
      if (onHand === 0n) continue;
      let category = categories.get(item.categoryId);
      if (!category) {
        category = new FiguresBuilder();
        categories.set(item.categoryId, category);
      }
      category.add(item, onHand, level.averageCost);
      totals.add(item, onHand, level.averageCost);
    }
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  return {
    locationId: location.id,
    kind: location.kind,
    currency: location.currency,
    categories: [...categories.entries()]
      .sort(([a], [b]) => compareCategories(a, b))
      .map(([categoryId, figures]) => ({ categoryId, ...figures.build(location.currency) })),
    totals: totals.build(location.currency),
  };
}

function compareCategories(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * Visits the locations a report covers: the one named (open or closed; an unknown id is a
 * ValidationError naming `locationId`), or every location, read a page at a time.
 */
export async function forEachLocation(
  repository: InventoryRepository,
  locationId: string | undefined,
  context: string,
  visit: (location: LocationRecord) => Promise<void>,
): Promise<void> {
  if (locationId !== undefined) {
    const location = await repository.getLocation(locationId);
    if (!location) {
      throw new ValidationError(
        [{ path: 'locationId', message: `unknown location ${JSON.stringify(locationId)}` }],
        {
          context,
        },
      );
    }
    await visit(location);
    return;
  }
  let after: string | undefined;
  do {
    const page = await repository.listLocations(
      {},
      { limit: PAGE, ...(after === undefined ? {} : { after }) },
    );
    for (const location of page.items) await visit(location);
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
}
