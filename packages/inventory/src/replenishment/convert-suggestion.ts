import {
  addBusinessDays,
  businessDateSchema,
  defineCommand,
  idSchema,
  ValidationError,
} from '@retailkit/core';
import { z } from 'zod';
import { calendarOf } from '../locations/location-calendar.js';
import { purchaseOrderPayload, purchaseOrderStream } from '../purchase-orders/purchase-order-payload.js';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { locationIdSchema, quantityValueSchema, unitCostSchema } from '../shared/inventory-schemas.js';
import { itemOf, loadItems } from '../shared/load-items.js';
import { requireLocation } from '../shared/require-records.js';
import { postStockChanges } from '../stock/post-stock-changes.js';
import { formatUnits, toUnits, tryToUnits } from '../stock/stock-units.js';
import type {
  LocationRecord,
  PurchaseOrderRecord,
  ReplenishmentSuggestionRecord,
  StockItemRecord,
  TransferRecord,
} from '../storage/inventory-records.js';
import { transferPayload, transferStream } from '../transfers/transfer-payload.js';
import { requireOpenSuggestion } from './require-open-suggestion.js';
import { type ReplenishmentSuggestion, toSuggestion } from './suggestion-view.js';

/** Input of {@link convertSuggestion}. */
export const convertSuggestionInput = z.strictObject({
  /** The open suggestion. */
  suggestionId: idSchema,
  /** Its location (the store the actor acts in). */
  locationId: locationIdSchema,
  /** Bring in this much instead of the suggested quantity. */
  quantity: quantityValueSchema.optional(),
  /**
   * For a purchase: the agreed unit cost in the location's currency. Defaults to the level's
   * average cost; required when the SKU has none yet.
   */
  unitCost: unitCostSchema.optional(),
  /**
   * For a purchase: the expected delivery date (the location's business date). Defaults to today
   * plus the rule's lead time, or none when the rule is gone.
   */
  expectedOn: businessDateSchema.optional(),
});

/** What {@link convertSuggestion} returns: the converted suggestion and the document made from it. */
export type ConvertSuggestionResult = {
  /** The suggestion, now `converted`. */
  readonly suggestion: ReplenishmentSuggestion;
  /** The purchase order placed (status `ordered`), for a purchase source; otherwise null. */
  readonly purchaseOrder: PurchaseOrderRecord | null;
  /** The transfer requested (status `requested`), for a transfer source; otherwise null. */
  readonly transfer: TransferRecord | null;
};

/**
 * Turns an open suggestion into a document in one call: a purchase order to the rule's supplier,
 * placed at once (status `ordered`, so its quantity shows as incoming), or a transfer from the
 * rule's source location, requested (the source approves and ships it; it shows as incoming once
 * shipped). The actor needs `inventory.replenish` in the suggestion's location only: requesting
 * moves no stock, and the source's own staff approve and ship. Emits
 * `inventory.purchase-order-created` and `inventory.purchase-order-ordered`, or
 * `inventory.transfer-created` and `inventory.transfer-requested` (with the source location as
 * `storeId`, like every transfer event but a receipt), then `inventory.suggestion-converted`.
 */
export const convertSuggestion = defineCommand({
  name: 'inventory.convert-suggestion',
  permission: 'inventory.replenish',
  input: convertSuggestionInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<ConvertSuggestionResult> => {
    const context = 'inventory.convert-suggestion input';
    const repository = ctx.tx.inventory;
    const suggestion = await requireOpenSuggestion(
      repository,
      input.suggestionId,
      input.locationId,
      'convert',
    );
    const location = await requireLocation(repository, input.locationId, 'locationId', context);
    const items = await loadItems(repository, [suggestion.sku]);
    const item = itemOf(items, suggestion.sku);
    if (item.status !== 'active') {
      throw new ValidationError(
        [{ path: 'suggestionId', message: `SKU ${JSON.stringify(item.sku)} is discontinued` }],
        { context },
      );
    }
    const units = quantityOf(input.quantity, suggestion, item, context);
    const now = ctx.now.toISOString();
    let purchaseOrder: PurchaseOrderRecord | null = null;
    let transfer: TransferRecord | null = null;
    if (suggestion.source.kind === 'purchase') {
      const level = await repository.getLevel(suggestion);
      const unitCost = input.unitCost ?? level?.averageCost ?? null;
      if (unitCost === null) {
        throw new ValidationError(
          [
            {
              path: 'unitCost',
              message: `is required: ${item.sku} has no average cost at ${location.id} yet`,
            },
          ],
          { context },
        );
      }
      const rule = await repository.getReorderRule(suggestion);
      const today = calendarOf(location).businessDayOf(ctx.now);
      purchaseOrder = {
        id: ctx.ids.next(),
        supplierId: suggestion.source.supplierId,
        locationId: location.id,
        status: 'ordered',
        currency: location.currency,
        lines: [
          {
            sku: item.sku,
            ordered: formatUnits(units, item.scale),
            received: formatUnits(0n, item.scale),
            unitCost,
          },
        ],
        expectedOn: input.expectedOn ?? (rule ? addBusinessDays(today, rule.leadTimeDays) : null),
        suggestionId: suggestion.id,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await repository.insertPurchaseOrder(purchaseOrder);
      await postStockChanges(ctx, [{ location, item, incoming: units }]);
      for (const type of ['inventory.purchase-order-created', 'inventory.purchase-order-ordered'] as const) {
        ctx.emit({
          type,
          stream: purchaseOrderStream(purchaseOrder.id),
          storeId: location.id,
          payload: purchaseOrderPayload(purchaseOrder, items, location, ctx.now),
        });
      }
    } else {
      const from = await requireSource(repository, suggestion.source.fromLocationId, context);
      transfer = {
        id: ctx.ids.next(),
        fromLocationId: from.id,
        toLocationId: location.id,
        status: 'requested',
        lines: [transferLine(item, units)],
        suggestionId: suggestion.id,
        shippedAt: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await repository.insertTransfer(transfer);
      // Like createTransfer, its events belong to the source (authorisation stays at the suggestion's location).
      for (const type of ['inventory.transfer-created', 'inventory.transfer-requested'] as const) {
        ctx.emit({
          type,
          stream: transferStream(transfer.id),
          storeId: from.id,
          payload: transferPayload(transfer, items, from, ctx.now, from),
        });
      }
    }
    const documentType = purchaseOrder ? 'purchase-order' : 'transfer';
    const documentId = (purchaseOrder ?? transfer)?.id ?? null;
    const record: ReplenishmentSuggestionRecord = {
      ...suggestion,
      status: 'converted',
      documentType,
      documentId,
      updatedAt: now,
      version: suggestion.version + 1,
    };
    await repository.updateSuggestion(record, suggestion.version);
    const view = toSuggestion(record, item);
    ctx.emit({
      type: 'inventory.suggestion-converted',
      stream: `suggestion:${record.id}`,
      storeId: location.id,
      payload: {
        suggestionId: record.id,
        locationId: location.id,
        sku: item.sku,
        categoryId: item.categoryId,
        unit: item.unit,
        suggested: view.quantity,
        quantity: formatUnits(units, item.scale),
        source: record.source,
        documentType,
        documentId,
        businessDate: calendarOf(location).businessDayOf(ctx.now),
      },
    });
    return { suggestion: view, purchaseOrder, transfer };
  },
});

/** The quantity to bring in: the caller's override (checked against the unit) or the suggestion's. */
function quantityOf(
  override: string | undefined,
  suggestion: ReplenishmentSuggestionRecord,
  item: StockItemRecord,
  context: string,
): bigint {
  if (override === undefined) return toUnits(suggestion.quantity, item.scale);
  const units = tryToUnits(override, item.scale);
  if (units === undefined) {
    throw new ValidationError(
      [
        {
          path: 'quantity',
          message: `${item.sku} is measured in ${item.unit} to ${item.scale} decimals; ${override} is finer`,
        },
      ],
      { context },
    );
  }
  return units;
}

/** The active source location of a transfer suggestion; the caller cannot fix it, so it names the suggestion. */
async function requireSource(
  repository: InventoryCommandContext['tx']['inventory'],
  id: string,
  context: string,
): Promise<LocationRecord> {
  const from = await repository.getLocation(id);
  if (from?.status === 'active') return from;
  const state = from ? 'is closed' : 'does not exist';
  throw new ValidationError(
    [{ path: 'suggestionId', message: `the source location ${JSON.stringify(id)} ${state}` }],
    { context },
  );
}

/** A requested transfer line: nothing shipped or received yet. */
function transferLine(item: StockItemRecord, units: bigint): TransferRecord['lines'][number] {
  const zero = formatUnits(0n, item.scale);
  return {
    sku: item.sku,
    requested: formatUnits(units, item.scale),
    shipped: zero,
    received: zero,
    short: zero,
    over: zero,
    damaged: zero,
    unitCost: null,
  };
}
