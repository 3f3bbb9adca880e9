import { formatUnits, type Inventory, toUnits } from '@retailkit/inventory';
import { expect } from 'vitest';
import { as } from './inventory-case-helpers.js';
import { SCALE } from './inventory-fixture.js';

/** A balance the model keeps per SKU and location. */
export type ModelField = 'onHand' | 'reserved' | 'incoming' | 'inTransit';

type Units = Record<ModelField, bigint>;

const ZERO: Units = { onHand: 0n, reserved: 0n, incoming: 0n, inTransit: 0n };

/** The item's scale; every SKU a model sees is a fixture item. */
export function scaleOf(sku: string): number {
  const scale = SCALE[sku];
  if (scale === undefined) throw new Error(`${sku} is not a fixture item`);
  return scale;
}

/** `value` (a decimal string) in the SKU's units. */
export function unitsOf(sku: string, value: string): bigint {
  return toUnits(value, scaleOf(sku));
}

/** `units` of the SKU as the API writes them, at the item's scale. */
export function textOf(sku: string, units: bigint): string {
  return formatUnits(units, scaleOf(sku));
}

/**
 * The stock balances an obviously right model expects, per SKU and location, in the item's units.
 * Cases apply each command's effect once the command has succeeded, then compare the model with
 * what the API reports.
 */
export class StockModel {
  readonly #levels = new Map<string, Units>();

  /** The balances of one key (zeros when nothing happened to it). */
  get(locationId: string, sku: string): Readonly<Units> {
    return this.#levels.get(`${locationId}\u0000${sku}`) ?? ZERO;
  }

  /** On hand − reserved. */
  available(locationId: string, sku: string): bigint {
    const level = this.get(locationId, sku);
    return level.onHand - level.reserved;
  }

  /** Adds signed unit changes to one key. */
  change(locationId: string, sku: string, delta: Partial<Units>): void {
    const level = this.get(locationId, sku);
    this.#levels.set(`${locationId}\u0000${sku}`, {
      onHand: level.onHand + (delta.onHand ?? 0n),
      reserved: level.reserved + (delta.reserved ?? 0n),
      incoming: level.incoming + (delta.incoming ?? 0n),
      inTransit: level.inTransit + (delta.inTransit ?? 0n),
    });
  }

  /** Expects the API's levels of `skus` at `locationId` to equal the model, with available never negative. */
  async expectMatches(inventory: Inventory, locationId: string, skus: readonly string[]): Promise<void> {
    const { items } = await inventory.getStockLevels({ locationId, skus: [...skus] }, as);
    const actual = items.map((level) => ({
      sku: level.sku,
      onHand: level.onHand,
      reserved: level.reserved,
      available: level.available,
      incoming: level.incoming,
      inTransit: level.inTransit,
    }));
    const expected = skus.map((sku) => {
      const level = this.get(locationId, sku);
      return {
        sku,
        onHand: textOf(sku, level.onHand),
        reserved: textOf(sku, level.reserved),
        available: textOf(sku, level.onHand - level.reserved),
        incoming: textOf(sku, level.incoming),
        inTransit: textOf(sku, level.inTransit),
      };
    });
    expect(actual, `levels at ${locationId}`).toEqual(expected);
    for (const sku of skus) expect(this.available(locationId, sku)).toBeGreaterThanOrEqual(0n);
  }
}
