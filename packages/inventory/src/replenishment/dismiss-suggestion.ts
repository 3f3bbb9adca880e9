import { defineCommand, idSchema } from '@retailkit/core';
import { z } from 'zod';
import { calendarOf } from '../locations/location-calendar.js';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { locationIdSchema } from '../shared/inventory-schemas.js';
import { itemOf, loadItems } from '../shared/load-items.js';
import { loadLocation } from '../shared/load-location.js';
import type { ReplenishmentSuggestionRecord } from '../storage/inventory-records.js';
import { requireOpenSuggestion } from './require-open-suggestion.js';
import { type ReplenishmentSuggestion, toSuggestion } from './suggestion-view.js';

/** Input of {@link dismissSuggestion}. */
export const dismissSuggestionInput = z.strictObject({
  /** The suggestion. */
  suggestionId: idSchema,
  /** Its location (the store the actor acts in). */
  locationId: locationIdSchema,
  /** Why, for the record. */
  reason: z.string().trim().min(1).max(500).optional(),
});

/**
 * Dismisses an open suggestion: nothing is ordered, and the next `generateSuggestions` may suggest
 * again if stock is still low. Emits `inventory.suggestion-dismissed`.
 */
export const dismissSuggestion = defineCommand({
  name: 'inventory.dismiss-suggestion',
  permission: 'inventory.replenish',
  input: dismissSuggestionInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<ReplenishmentSuggestion> => {
    const repository = ctx.tx.inventory;
    const suggestion = await requireOpenSuggestion(
      repository,
      input.suggestionId,
      input.locationId,
      'dismiss',
    );
    const item = itemOf(await loadItems(repository, [suggestion.sku]), suggestion.sku);
    const location = await loadLocation(repository, suggestion.locationId);
    const record: ReplenishmentSuggestionRecord = {
      ...suggestion,
      status: 'dismissed',
      updatedAt: ctx.now.toISOString(),
      version: suggestion.version + 1,
    };
    await repository.updateSuggestion(record, suggestion.version);
    const view = toSuggestion(record, item);
    ctx.emit({
      type: 'inventory.suggestion-dismissed',
      stream: `suggestion:${record.id}`,
      storeId: record.locationId,
      payload: {
        suggestionId: record.id,
        locationId: record.locationId,
        sku: record.sku,
        categoryId: item.categoryId,
        unit: view.unit,
        quantity: view.quantity,
        source: record.source,
        reason: input.reason ?? null,
        businessDate: calendarOf(location).businessDayOf(ctx.now),
      },
    });
    return view;
  },
});
