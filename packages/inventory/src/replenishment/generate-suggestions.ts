import { defineCommand } from '@retailkit/core';
import { z } from 'zod';
import { calendarOf } from '../locations/location-calendar.js';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { locationIdSchema } from '../shared/inventory-schemas.js';
import { itemsBySku } from '../shared/items-by-sku.js';
import { emptyLevel } from '../stock/stock-level-view.js';
import { formatUnits, toUnits } from '../stock/stock-units.js';
import type {
  LocationRecord,
  PurchaseOrderStatus,
  ReorderRuleRecord,
  ReplenishmentSuggestionRecord,
  StockItemRecord,
  StockLevelRecord,
  TransferStatus,
} from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';
import { dailySales, formatDailyAverage, salesWindow } from './daily-sales.js';
import { suggestedUnits } from './suggested-units.js';
import { type ReplenishmentSuggestion, toSuggestion } from './suggestion-view.js';

/** Purchase order states that still bring stock in. */
export const OPEN_PURCHASE_ORDER_STATUSES: readonly PurchaseOrderStatus[] = [
  'draft',
  'ordered',
  'partially-received',
];

/** Transfer states that still bring stock in. */
export const OPEN_TRANSFER_STATUSES: readonly TransferStatus[] = [
  'draft',
  'requested',
  'approved',
  'shipped',
  'partially-received',
];

/** Input of {@link generateSuggestions}. */
export const generateSuggestionsInput = z.strictObject({
  /** Only this location; omit for every location (a chain-wide run). */
  locationId: locationIdSchema.optional(),
});

/** Why a rule below its reorder point got no new suggestion. */
export type SkipReason =
  | 'open-suggestion'
  | 'open-purchase-order'
  | 'open-transfer'
  | 'item-discontinued'
  | 'location-closed';

/** A rule below its reorder point that was left alone, and why. */
export type SkippedRule = {
  /** The location. */
  readonly locationId: string;
  /** The SKU. */
  readonly sku: string;
  /** Why no suggestion was made. */
  readonly reason: SkipReason;
};

/** What {@link generateSuggestions} returns. */
export type GenerateSuggestionsResult = {
  /** The suggestions made, ordered by location then SKU. */
  readonly created: readonly ReplenishmentSuggestion[];
  /** Rules below their reorder point that got none. */
  readonly skipped: readonly SkippedRule[];
};

const RULE_PAGE = 200;

/**
 * Makes a replenishment suggestion for every reorder rule whose position (available + incoming,
 * i.e. on hand − reserved + incoming) is below its reorder point, unless the SKU already has an open
 * suggestion or an open inbound document at the location (a purchase order draft, ordered or
 * partially received; a transfer to it from draft to partially received). Quantities follow the
 * rule's method (see docs/inventory.md, replenishment); `demand` averages gross sales over the rule's window of
 * complete business days. Emits `inventory.suggestion-created` per suggestion.
 */
export const generateSuggestions = defineCommand({
  name: 'inventory.generate-suggestions',
  permission: 'inventory.replenish',
  input: generateSuggestionsInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<GenerateSuggestionsResult> => {
    const repository = ctx.tx.inventory;
    const locations = new Map<string, LocationRecord | undefined>();
    const created: ReplenishmentSuggestion[] = [];
    const skipped: SkippedRule[] = [];
    let after: string | undefined;
    do {
      const page = await repository.listReorderRules(
        { locationId: input.locationId },
        { limit: RULE_PAGE, ...(after === undefined ? {} : { after }) },
      );
      const items = await itemsBySku(
        repository,
        page.items.map((rule) => rule.sku),
      );
      for (const rule of page.items) {
        const item = items.get(rule.sku);
        if (!locations.has(rule.locationId)) {
          locations.set(rule.locationId, await repository.getLocation(rule.locationId));
        }
        const location = locations.get(rule.locationId);
        if (!item || !location) continue;
        const outcome = await considerRule(ctx, rule, location, item);
        if (outcome === null) continue;
        if (typeof outcome === 'string')
          skipped.push({ locationId: rule.locationId, sku: rule.sku, reason: outcome });
        else created.push(outcome);
      }
      after = page.nextCursor ?? undefined;
    } while (after !== undefined);
    return { created, skipped };
  },
});

/** A new suggestion for `rule`, the reason there is none, or null when stock is not low. */
async function considerRule(
  ctx: InventoryCommandContext,
  rule: ReorderRuleRecord,
  location: LocationRecord,
  item: StockItemRecord,
): Promise<ReplenishmentSuggestion | SkipReason | null> {
  const repository = ctx.tx.inventory;
  const now = ctx.now.toISOString();
  const scale = item.scale;
  const reorderPoint = toUnits(rule.reorderPoint, scale);
  const unlocked = (await repository.getLevel(rule)) ?? emptyLevel(rule.locationId, rule.sku, now);
  if (positionOf(unlocked, scale) >= reorderPoint) return null;
  if (location.status !== 'active') return 'location-closed';
  if (item.status !== 'active') return 'item-discontinued';
  // Lock the level, then look again and check for open suggestions and documents: on SQL two runs
  // (or a run and a conversion) would otherwise both see none and both suggest.
  const level = await repository.updateLevelSettings(rule, { now });
  const available = toUnits(level.onHand, scale) - toUnits(level.reserved, scale);
  const incoming = toUnits(level.incoming, scale);
  const position = available + incoming;
  if (position >= reorderPoint) return null;
  const blocker = await openInbound(repository, rule);
  if (blocker !== null) return blocker;

  const window = rule.method === 'demand' ? salesWindow(location, ctx.now, rule.demandWindowDays ?? 1) : null;
  const sales = window !== null ? await dailySales(repository, location.id, item, window) : null;
  const units = suggestedUnits(rule, scale, {
    position,
    safetyStock: toUnits(level.safetyStock, scale),
    sales,
  });
  if (units <= 0n) return null;
  const record: ReplenishmentSuggestionRecord = {
    id: ctx.ids.next(),
    locationId: rule.locationId,
    sku: rule.sku,
    quantity: formatUnits(units, scale),
    source: rule.source,
    status: 'open',
    documentType: null,
    documentId: null,
    basis: {
      available: formatUnits(available, scale),
      incoming: formatUnits(incoming, scale),
      averageDailySales: sales === null ? null : formatDailyAverage(sales, scale),
    },
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await repository.insertSuggestion(record);
  const suggestion = toSuggestion(record, item);
  ctx.emit({
    type: 'inventory.suggestion-created',
    stream: `suggestion:${record.id}`,
    storeId: record.locationId,
    payload: {
      suggestionId: record.id,
      locationId: record.locationId,
      sku: record.sku,
      categoryId: item.categoryId,
      unit: item.unit,
      quantity: suggestion.quantity,
      source: record.source,
      method: rule.method,
      reorderPoint: formatUnits(reorderPoint, scale),
      position: formatUnits(position, scale),
      basis: suggestion.basis,
      salesWindow: window === null ? null : { firstDate: window.firstDate, lastDate: window.lastDate },
      businessDate: calendarOf(location).businessDayOf(ctx.now),
    },
  });
  return suggestion;
}

/** Available + incoming of a level, in the item's units. */
function positionOf(level: StockLevelRecord, scale: number): bigint {
  return toUnits(level.onHand, scale) - toUnits(level.reserved, scale) + toUnits(level.incoming, scale);
}

/** Why the SKU must wait: an open suggestion or inbound document; null when there is none. */
async function openInbound(
  repository: InventoryRepository,
  rule: ReorderRuleRecord,
): Promise<SkipReason | null> {
  const one = { limit: 1 };
  const key = { locationId: rule.locationId, sku: rule.sku };
  if ((await repository.listSuggestions({ ...key, status: 'open' }, one)).items.length > 0) {
    return 'open-suggestion';
  }
  const orders = await repository.listPurchaseOrders({ ...key, statuses: OPEN_PURCHASE_ORDER_STATUSES }, one);
  if (orders.items.length > 0) return 'open-purchase-order';
  const transfers = await repository.listTransfers(
    { toLocationId: rule.locationId, sku: rule.sku, statuses: OPEN_TRANSFER_STATUSES },
    one,
  );
  if (transfers.items.length > 0) return 'open-transfer';
  return null;
}
