import {
  businessCalendarConfigSchema,
  currencySchema,
  defineCommand,
  ValidationError,
} from '@retailkit/core';
import { z } from 'zod';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { locationIdSchema } from '../shared/inventory-schemas.js';
import type { LocationRecord } from '../storage/inventory-records.js';

/** Input of {@link defineLocation}. */
export const defineLocationInput = z.strictObject({
  /** The location id; also the store id actors' `storeIds` and the policy use. */
  id: locationIdSchema,
  /** `store` or `warehouse`. */
  kind: z.literal(['store', 'warehouse']),
  /** Display name. */
  name: z.string().trim().min(1).max(200),
  /** IANA time zone. */
  timeZone: businessCalendarConfigSchema.shape.timeZone,
  /** Local time the business day starts, `HH:MM`; default `00:00`. */
  dayStart: businessCalendarConfigSchema.shape.dayStart,
  /** ISO 4217 currency for costs and stock value. */
  currency: currencySchema,
  /** `closed` stops new stock from arriving; default `active`. */
  status: z.literal(['active', 'closed']).default('active'),
});

/**
 * Creates or updates a store or warehouse. Its currency cannot change once set (stored costs are
 * in it). Emits `inventory.location-defined`.
 */
export const defineLocation = defineCommand({
  name: 'inventory.define-location',
  permission: 'inventory.configure',
  input: defineLocationInput,
  storeId: (input) => input.id,
  handler: async (ctx: InventoryCommandContext, input): Promise<LocationRecord> => {
    const repository = ctx.tx.inventory;
    const existing = await repository.getLocation(input.id);
    if (existing && existing.currency !== input.currency) {
      throw new ValidationError(
        [{ path: 'currency', message: `is ${existing.currency} and cannot change` }],
        {
          context: 'inventory.define-location input',
        },
      );
    }
    const record: LocationRecord = {
      id: input.id,
      kind: input.kind,
      name: input.name,
      timeZone: input.timeZone,
      dayStart: input.dayStart,
      currency: input.currency,
      status: input.status,
      createdAt: existing?.createdAt ?? ctx.now.toISOString(),
    };
    await repository.putLocation(record);
    ctx.emit({
      type: 'inventory.location-defined',
      stream: `location:${record.id}`,
      storeId: record.id,
      payload: { ...record, created: existing === undefined },
    });
    return record;
  },
});
