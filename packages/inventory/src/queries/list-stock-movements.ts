import { businessDateSchema, NotFoundError, parseInput, ValidationError } from '@retailkit/core';
import { z } from 'zod';
import { calendarOf } from '../locations/location-calendar.js';
import { InputIssues } from '../shared/input-issues.js';
import { inventoryRead } from '../shared/inventory-read.js';
import {
  instantSchema,
  locationIdSchema,
  pageRequestSchema,
  skuSchema,
} from '../shared/inventory-schemas.js';
import { itemsBySku } from '../shared/items-by-sku.js';
import { requireLocation } from '../shared/require-records.js';
import { formatUnits, toUnits } from '../stock/stock-units.js';
import type { MovementReason, StockMovementRecord } from '../storage/inventory-records.js';
import type { Page } from '../storage/inventory-repository.js';
import type { InventoryQueryOptions, InventoryQueryRunner } from './inventory-query-runner.js';
import { knownItem } from './known-item.js';

const CONTEXT = 'listStockMovements input';

const MOVEMENT_REASONS = [
  'receipt',
  'sale',
  'return-sellable',
  'return-damaged',
  'adjustment',
  'count-correction',
  'transfer-out',
  'transfer-in',
  'write-off',
] as const satisfies readonly MovementReason[];

/** Input of {@link listStockMovements}: filters and paging. */
export const listStockMovementsInput = pageRequestSchema
  .extend({
    /** Only this location; required for actors limited to some stores and for business dates. */
    locationId: locationIdSchema.optional(),
    /** Only this SKU. */
    sku: skuSchema.optional(),
    /** Only these reasons. */
    reasons: z.array(z.literal(MOVEMENT_REASONS)).min(1).max(50).optional(),
    /** From this instant on (inclusive). */
    from: instantSchema.optional(),
    /** Before this instant (exclusive). */
    to: instantSchema.optional(),
    /** From the start of this business day of the location (instead of `from`). */
    fromDate: businessDateSchema.optional(),
    /** Up to the end of this business day of the location, inclusive (instead of `to`). */
    toDate: businessDateSchema.optional(),
  })
  .strict();

/** A ledger entry as the history shows it: the record, with quantity at the item's scale and its unit. */
export interface StockMovement extends StockMovementRecord {
  /** The item's unit code. */
  readonly unit: string;
}

/**
 * The stock ledger, oldest first (by time, then id), a page at a time (`inventory.read`): filtered
 * by location, SKU, reasons and a period given as instants (`from` inclusive, `to` exclusive) or
 * as the location's business dates (`fromDate` … `toDate`, both inclusive). Without `locationId`
 * it is a chain-wide read. A movement whose SKU is not registered (items are never deleted, so
 * only broken data has one) throws NotFoundError('item', sku).
 */
export async function listStockMovements(
  runner: InventoryQueryRunner,
  input: z.input<typeof listStockMovementsInput>,
  options: InventoryQueryOptions,
): Promise<Page<StockMovement>> {
  const parsed = parseInput(listStockMovementsInput, input, CONTEXT);
  const { locationId, sku, reasons, limit, after } = parsed;
  const issues = new InputIssues();
  if (parsed.from !== undefined && parsed.fromDate !== undefined)
    issues.add('fromDate', 'give from or fromDate, not both');
  if (parsed.to !== undefined && parsed.toDate !== undefined)
    issues.add('toDate', 'give to or toDate, not both');
  if (locationId === undefined) {
    if (parsed.fromDate !== undefined) issues.add('fromDate', 'business dates need a locationId');
    if (parsed.toDate !== undefined) issues.add('toDate', 'business dates need a locationId');
  }
  issues.throwIfAny(CONTEXT);
  return runner.query(inventoryRead(options.actor, locationId), async (tx) => {
    const repository = tx.inventory;
    let from = parsed.from;
    let to = parsed.to;
    if (locationId !== undefined) {
      const location = await requireLocation(repository, locationId, 'locationId', CONTEXT, {
        includeClosed: true,
      });
      const calendar = calendarOf(location);
      if (parsed.fromDate !== undefined) from = calendar.dayRange(parsed.fromDate).start;
      if (parsed.toDate !== undefined) to = calendar.dayRange(parsed.toDate).end;
    }
    if (sku !== undefined) await knownItem(repository, sku, 'sku', CONTEXT);
    if (from !== undefined && to !== undefined && from.getTime() > to.getTime()) {
      throw new ValidationError(
        [{ path: parsed.toDate === undefined ? 'to' : 'toDate', message: 'must not be before the start' }],
        {
          context: CONTEXT,
        },
      );
    }
    const page = await repository.listMovements(
      {
        locationId,
        sku,
        reasons,
        from: from?.toISOString(),
        to: to?.toISOString(),
      },
      after === undefined ? { limit } : { limit, after },
    );
    const items = await itemsBySku(
      repository,
      page.items.map((movement) => movement.sku),
    );
    return {
      items: page.items.map((movement): StockMovement => {
        const item = items.get(movement.sku);
        // Items cannot be deleted: a movement of an unregistered SKU is broken data, not a default.
        if (!item) throw new NotFoundError('item', movement.sku);
        return {
          ...movement,
          quantity: formatUnits(toUnits(movement.quantity, item.scale), item.scale),
          unit: item.unit,
        };
      }),
      nextCursor: page.nextCursor,
    };
  });
}
