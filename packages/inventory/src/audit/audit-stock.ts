import { ValidationError } from '@retailkit/core';
import { formatUnits, tryToUnits } from '../stock/stock-units.js';
import type { LocationRecord, StockItemRecord, StockLevelRecord } from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';
import { eachPage } from './each-page.js';
import { type ExpectedBalances, expectedBalances, ItemScales } from './expected-balances.js';

/** A balance of a stock level that `verifyStock` recomputes. */
export type StockBalanceField = 'onHand' | 'reserved' | 'incoming' | 'inTransit';

const FIELDS: readonly StockBalanceField[] = ['onHand', 'reserved', 'incoming', 'inTransit'];

/** One stored balance that differs from what the ledger and the open documents imply. */
export interface StockDrift {
  /** The location. */
  readonly locationId: string;
  /** The SKU. */
  readonly sku: string;
  /** Which balance. */
  readonly field: StockBalanceField;
  /** What the level holds (`0` when there is no level row). */
  readonly stored: string;
  /** What it should hold. */
  readonly expected: string;
}

/** What a stock audit found. */
export interface StockAudit {
  /** How many stock levels (SKU at location) were compared. */
  readonly checked: number;
  /** Every differing balance, by location, SKU and field. */
  readonly drifts: readonly StockDrift[];
}

/** A level whose balances drifted, with the values that set it right. */
export interface StockCorrection {
  /** The location. */
  readonly location: LocationRecord;
  /** The SKU's item, if registered. */
  readonly item: StockItemRecord | undefined;
  /** The SKU. */
  readonly sku: string;
  /** The stored level, if there is one. */
  readonly stored: StockLevelRecord | undefined;
  /** The expected balances as decimal strings at the item's scale. */
  readonly expected: Readonly<Record<StockBalanceField, string>>;
}

/** A {@link StockAudit} with the corrections that would remove its drifts. */
export interface StockAuditWithCorrections extends StockAudit {
  /** One per drifted level, in the order of the drifts. */
  readonly corrections: readonly StockCorrection[];
}

/** What to audit: one location or all, one SKU or all. */
export interface StockAuditFilter {
  /** Only this location. */
  readonly locationId?: string | undefined;
  /** Only this SKU. */
  readonly sku?: string | undefined;
}

const ZERO: ExpectedBalances = { onHand: 0n, reserved: 0n, incoming: 0n, inTransit: 0n };

/**
 * Compares stored stock levels with what the ledger (on hand) and the open documents (reserved,
 * incoming, in transit) imply, location by location so only one location's figures are held at a
 * time, and returns the drifts with the corrections that would remove them. Reads only.
 */
export async function auditStock(
  repository: InventoryRepository,
  filter: StockAuditFilter,
  context: string,
): Promise<StockAuditWithCorrections> {
  const scales = new ItemScales(repository);
  const drifts: StockDrift[] = [];
  const corrections: StockCorrection[] = [];
  let checked = 0;

  const auditLocation = async (location: LocationRecord) => {
    const expected = await expectedBalances(repository, scales, location.id, filter.sku);
    const found: { sku: string; stored: StockLevelRecord | undefined; expected: ExpectedBalances }[] = [];
    await eachPage(
      (page) => repository.listLevels({ locationId: location.id, sku: filter.sku }, page),
      async (levels) => {
        await scales.load(levels.map((level) => level.sku));
        for (const level of levels) {
          found.push({ sku: level.sku, stored: level, expected: expected.get(level.sku) ?? ZERO });
          expected.delete(level.sku);
        }
      },
    );
    // What the documents imply for SKUs that have no level row at all.
    for (const [sku, balances] of expected) found.push({ sku, stored: undefined, expected: balances });
    found.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));

    for (const entry of found) {
      checked += 1;
      const scale = scales.scale(entry.sku);
      const want = {
        onHand: formatUnits(entry.expected.onHand, scale),
        reserved: formatUnits(entry.expected.reserved, scale),
        incoming: formatUnits(entry.expected.incoming, scale),
        inTransit: formatUnits(entry.expected.inTransit, scale),
      };
      let drifted = false;
      for (const field of FIELDS) {
        const storedText = entry.stored?.[field] ?? '0';
        const stored = tryToUnits(storedText, scale);
        if (stored === entry.expected[field]) continue;
        drifted = true;
        drifts.push({
          locationId: location.id,
          sku: entry.sku,
          field,
          // A value that does not even read at the item's scale is shown as stored.
          stored: stored === undefined ? storedText : formatUnits(stored, scale),
          expected: want[field],
        });
      }
      if (drifted) {
        corrections.push({
          location,
          item: scales.item(entry.sku),
          sku: entry.sku,
          stored: entry.stored,
          expected: want,
        });
      }
    }
  };

  if (filter.locationId !== undefined) {
    const location = await repository.getLocation(filter.locationId);
    if (!location) {
      throw new ValidationError(
        [{ path: 'locationId', message: `unknown location ${JSON.stringify(filter.locationId)}` }],
        { context },
      );
    }
    await auditLocation(location);
  } else {
    await eachPage(
      (page) => repository.listLocations({}, page),
      async (locations) => {
        for (const location of locations) await auditLocation(location);
      },
    );
  }
  return { checked, drifts, corrections };
}
