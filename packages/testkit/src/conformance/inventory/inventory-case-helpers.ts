import { type Actor, createOutboxConsumer, isRetailKitError, type OutboxEvent } from '@retailkit/core';
import {
  createInventory,
  formatUnits,
  type Inventory,
  type InventoryStorageRepositories,
  type Page,
  type StockLevel,
  toUnits,
} from '@retailkit/inventory';
import { expect } from 'vitest';
import { anActor } from '../../builders/actors.js';
import type { ConformanceCase, ConformanceContext } from '../conformance-case.js';
import type { InventoryConformanceId } from './inventory-conformance-ids.js';

/** An inventory conformance check. */
export type InventoryCase = ConformanceCase<InventoryConformanceId, InventoryStorageRepositories>;

/** The context of an inventory conformance check. */
export type InventoryContext = ConformanceContext<InventoryStorageRepositories>;

/** The actor every inventory check runs as: an admin of every location. */
export const inventoryActor: Actor = anActor({ id: 'conformance', roles: ['admin'] });

/** Command and query options for {@link inventoryActor}. */
export const as = { actor: inventoryActor };

/** The inventory module over the check's runner: every case goes through the public API. */
export function inventoryOf(context: InventoryContext): Inventory {
  return createInventory({ runner: context.runner });
}

/** Every row of a paged listing, reading `limit` rows at a time. */
export async function allPages<T>(
  read: (page: { readonly limit: number; readonly after?: string }) => Promise<Page<T>>,
  limit = 1000,
): Promise<T[]> {
  const rows: T[] = [];
  let after: string | undefined;
  do {
    const page = await read(after === undefined ? { limit } : { limit, after });
    rows.push(...page.items);
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  return rows;
}

/** The balances of a level that commands change, as the API shows them. */
export type Balances = Pick<StockLevel, 'onHand' | 'reserved' | 'available' | 'incoming' | 'inTransit'>;

/** The balances of one SKU at one location, read through `getStockLevel`. */
export async function balancesOf(inventory: Inventory, locationId: string, sku: string): Promise<Balances> {
  const { onHand, reserved, available, incoming, inTransit } = await inventory.getStockLevel(
    { locationId, sku },
    as,
  );
  return { onHand, reserved, available, incoming, inTransit };
}

/** Expects `verifyStock` over every location to find no drift between levels, ledger and documents. */
export async function expectNoDrift(inventory: Inventory, locationId?: string): Promise<void> {
  const audit = await inventory.verifyStock(locationId === undefined ? {} : { locationId }, as);
  expect(audit.drifts).toEqual([]);
}

let snapshots = 0;

/** Every committed event, read by a consumer of its own (so other consumers are not disturbed). */
export async function allEvents(context: InventoryContext): Promise<OutboxEvent[]> {
  snapshots += 1;
  const consumer = createOutboxConsumer(context.storage, {
    consumer: `inventory-snapshot-${snapshots}`,
    clock: context.clock,
  });
  const events: OutboxEvent[] = [];
  for (;;) {
    const batch = await consumer.poll(1000);
    if (batch.length === 0) return events;
    events.push(...batch.map(({ attempt: _attempt, ...event }) => event));
  }
}

/**
 * What the inventory holds at `locations`, read through the queries: levels, ledger, reservations,
 * purchase orders, transfers, and the ids of every committed event. Equal snapshots before and
 * after a refused command prove it changed nothing.
 */
export async function inventorySnapshot(
  context: InventoryContext,
  inventory: Inventory,
  locations: readonly string[],
) {
  const perLocation = await Promise.all(
    locations.map(async (locationId) => ({
      levels: await allPages((page) => inventory.getStockLevels({ locationId, ...page }, as)),
      purchaseOrders: await allPages((page) => inventory.listPurchaseOrders({ locationId, ...page }, as)),
      transfers: await allPages((page) => inventory.listTransfers({ locationId, ...page }, as)),
    })),
  );
  return {
    perLocation,
    movements: await allPages((page) => inventory.listStockMovements(page, as)),
    reservations: await allPages((page) => inventory.listReservations(page, as)),
    events: (await allEvents(context)).map((event) => event.id),
  };
}

/** The settled outcomes split into results and rejection reasons. */
export function partition<T>(outcomes: readonly PromiseSettledResult<T>[]): {
  readonly fulfilled: T[];
  readonly rejected: unknown[];
} {
  const fulfilled: T[] = [];
  const rejected: unknown[] = [];
  for (const outcome of outcomes) {
    if (outcome.status === 'fulfilled') fulfilled.push(outcome.value);
    else rejected.push(outcome.reason);
  }
  return { fulfilled, rejected };
}

/** Rethrows the first reason that is not an InsufficientStockError, so unexpected failures surface. */
export function expectOnlyShortages(reasons: readonly unknown[]): void {
  const other = reasons.find((reason) => !isRetailKitError(reason, 'INSUFFICIENT_STOCK'));
  if (other !== undefined) throw other;
}

/**
 * Expects the invariants of one level against the ledger and the open reservations, all read
 * through the API: on hand = the sum of its movements, reserved = what open reservations still
 * hold, available = on hand − reserved and not negative.
 */
export async function expectLevelMatchesLedger(
  inventory: Inventory,
  locationId: string,
  sku: string,
  scale: number,
): Promise<void> {
  const level = await inventory.getStockLevel({ locationId, sku }, as);
  const movements = await allPages((page) => inventory.listStockMovements({ locationId, sku, ...page }, as));
  const open = await allPages((page) =>
    inventory.listReservations({ locationId, status: 'open', ...page }, as),
  );
  const ledger = movements.reduce((sum, movement) => sum + toUnits(movement.quantity, scale), 0n);
  const held = open
    .flatMap((reservation) => reservation.lines)
    .filter((line) => line.sku === sku)
    .reduce((sum, line) => sum + toUnits(line.open, scale), 0n);
  const onHand = toUnits(level.onHand, scale);
  const reserved = toUnits(level.reserved, scale);
  expect({ onHand: level.onHand, reserved: level.reserved, available: level.available }).toEqual({
    onHand: formatUnits(ledger, scale),
    reserved: formatUnits(held, scale),
    available: formatUnits(onHand - reserved, scale),
  });
  expect(onHand - reserved).toBeGreaterThanOrEqual(0n);
}

/**
 * A decimal string in one canonical form (no trailing zeros after the point), so amounts an adapter
 * stores as NUMERIC compare by value: `"2.500000"` and `"2.5"` both give `"2.5"`. Null stays null.
 */
export function canonical(value: string | null): string | null {
  if (value === null) return null;
  if (!/^-?\d+(\.\d+)?$/.test(value)) throw new Error(`${JSON.stringify(value)} is not a decimal string`);
  const [whole = '0', fraction = ''] = value.replace(/^-/, '').split('.');
  const digits = whole.replace(/^0+(?=\d)/, '');
  const decimals = fraction.replace(/0+$/, '');
  const text = decimals === '' ? digits : `${digits}.${decimals}`;
  return value.startsWith('-') && text !== '0' ? `-${text}` : text;
}
