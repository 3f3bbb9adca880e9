import { MAX_QUANTITY_DIGITS, ValidationError } from '@retailkit/core';
import { tryToUnits } from '../stock/stock-units.js';
import type { LocationRecord, StockItemRecord } from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';
import { InputIssues } from './input-issues.js';
import { itemsBySku } from './items-by-sku.js';

/** Line quantities stay below this many units of their item's scale, like core's Quantity. */
const QUANTITY_RANGE = 10n ** BigInt(MAX_QUANTITY_DIGITS);

/**
 * The active location `id`, or a ValidationError naming `path`. With `includeClosed` a closed
 * location is returned too (history stays readable).
 */
export async function requireLocation(
  repository: InventoryRepository,
  id: string,
  path: string,
  context: string,
  options: { readonly includeClosed?: boolean } = {},
): Promise<LocationRecord> {
  const location = await repository.getLocation(id);
  if (!location)
    throw new ValidationError([{ path, message: `unknown location ${JSON.stringify(id)}` }], { context });
  if (location.status !== 'active' && !options.includeClosed) {
    throw new ValidationError([{ path, message: `location ${JSON.stringify(id)} is closed` }], { context });
  }
  return location;
}

/** A line that names a SKU and a quantity (a decimal string). */
export interface QuantityLine {
  /** The SKU. */
  readonly sku: string;
  /** The quantity as validated by the command's schema. */
  readonly quantity: string;
}

/** A line with its item and its quantity in the item's units. */
export interface ResolvedLine<L extends QuantityLine> {
  /** The input line. */
  readonly line: L;
  /** Its position in the input. */
  readonly index: number;
  /** The stocked item. */
  readonly item: StockItemRecord;
  /** The quantity at the item's scale. */
  readonly units: bigint;
}

/**
 * Loads the items of `lines` and reads each quantity at its item's scale. Unknown SKUs,
 * quantities finer than the unit allows (half an `each`) and quantities of more than core's
 * `MAX_QUANTITY_DIGITS` digits at the item's scale are reported together in one
 * ValidationError naming `<path>.<index>.sku` / `.quantity`.
 */
export async function resolveLines<L extends QuantityLine>(
  repository: InventoryRepository,
  lines: readonly L[],
  path: string,
  context: string,
  options: {
    readonly requireActive?: boolean;
    /** Items the command has already read in this transaction: no second read when they cover the lines. */
    readonly known?: ReadonlyMap<string, StockItemRecord>;
  } = {},
): Promise<ResolvedLine<L>[]> {
  const { known } = options;
  const items =
    known !== undefined && lines.every((line) => known.has(line.sku))
      ? known
      : await itemsBySku(
          repository,
          lines.map((line) => line.sku),
        );
  const issues = new InputIssues();
  const resolved: ResolvedLine<L>[] = [];
  lines.forEach((line, index) => {
    const item = items.get(line.sku);
    if (!item) {
      issues.add(`${path}.${index}.sku`, `unknown SKU ${JSON.stringify(line.sku)}`);
      return;
    }
    if (options.requireActive && item.status !== 'active') {
      issues.add(`${path}.${index}.sku`, `SKU ${JSON.stringify(line.sku)} is discontinued`);
      return;
    }
    const units = tryToUnits(line.quantity, item.scale);
    if (units === undefined) {
      issues.add(
        `${path}.${index}.quantity`,
        item.scale === 0
          ? `${item.sku} is counted in whole ${item.unit}; ${line.quantity} has decimals`
          : `${item.sku} is measured in ${item.unit} to ${item.scale} decimals; ${line.quantity} is finer`,
      );
      return;
    }
    if ((units < 0n ? -units : units) >= QUANTITY_RANGE) {
      issues.add(
        `${path}.${index}.quantity`,
        `is beyond the supported range (${MAX_QUANTITY_DIGITS} digits at the ${item.unit} scale)`,
      );
      return;
    }
    resolved.push({ line, index, item, units });
  });
  issues.throwIfAny(context);
  return resolved;
}
