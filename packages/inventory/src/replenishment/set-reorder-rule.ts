import { defineCommand, idSchema, ValidationError } from '@retailkit/core';
import { z } from 'zod';
import { calendarOf } from '../locations/location-calendar.js';
import { InputIssues } from '../shared/input-issues.js';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import {
  locationIdSchema,
  nonNegativeQuantityValueSchema,
  quantityValueSchema,
  skuSchema,
} from '../shared/inventory-schemas.js';
import { requireLocation } from '../shared/require-records.js';
import { evaluateReorderAlert } from '../stock/evaluate-reorder-alert.js';
import { stockStream } from '../stock/stock-stream.js';
import { formatUnits, tryToUnits } from '../stock/stock-units.js';
import type { ReorderRuleRecord, ReplenishmentSource } from '../storage/inventory-records.js';
import { type ReorderRule, toReorderRule } from './reorder-rule-view.js';

/** Where replenishment comes from: a supplier (purchase order) or another location (transfer). */
export const replenishmentSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    /** Buy from a supplier. */
    kind: z.literal('purchase'),
    /** The supplier's id. */
    supplierId: idSchema,
  }),
  z.strictObject({
    /** Transfer from another location, usually a warehouse. */
    kind: z.literal('transfer'),
    /** The location stock is transferred from. */
    fromLocationId: locationIdSchema,
  }),
]);

const ruleFields = {
  /** The location the rule watches. */
  locationId: locationIdSchema,
  /** The SKU. */
  sku: skuSchema,
  /** Alert and suggest when available + incoming drops below this. */
  reorderPoint: nonNegativeQuantityValueSchema,
  /** Days from ordering to arrival; default 0. */
  leadTimeDays: z.int().min(0).max(365).default(0),
  /** Safety stock to keep on the level; omit to leave it as it is. */
  safetyStock: nonNegativeQuantityValueSchema.optional(),
  /** Where replenishment comes from. */
  source: replenishmentSourceSchema,
};

/** Input of {@link setReorderRule}: the common fields and those of the chosen `method`. */
export const setReorderRuleInput = z.discriminatedUnion('method', [
  z.strictObject({
    ...ruleFields,
    /** Order a fixed lot (or the smallest multiple of it that reaches the reorder point). */
    method: z.literal('fixed-quantity'),
    /** The lot size. */
    reorderQuantity: quantityValueSchema,
  }),
  z.strictObject({
    ...ruleFields,
    /** Fill up to a maximum level. */
    method: z.literal('up-to-max'),
    /** The level to fill up to; at least the reorder point. */
    maxLevel: quantityValueSchema,
  }),
  z.strictObject({
    ...ruleFields,
    /** Order what recent sales say the lead time and one more window will need. */
    method: z.literal('demand'),
    /** How many past business days of sales to average (1..365). */
    demandWindowDays: z.int().min(1).max(365),
  }),
]);

/**
 * Creates or replaces the reorder rule of one SKU at one location, stores its safety stock on the
 * level, and evaluates the low-stock alert at once against the current level. Emits
 * `inventory.reorder-rule-set` (and `inventory.low-stock` / `inventory.stock-recovered` when the
 * new reorder point puts the position on the other side).
 */
export const setReorderRule = defineCommand({
  name: 'inventory.set-reorder-rule',
  permission: 'inventory.configure',
  input: setReorderRuleInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<ReorderRule> => {
    const context = 'inventory.set-reorder-rule input';
    const repository = ctx.tx.inventory;
    const location = await requireLocation(repository, input.locationId, 'locationId', context);
    const item = await repository.getItem(input.sku);
    if (!item) {
      throw new ValidationError([{ path: 'sku', message: `unknown SKU ${JSON.stringify(input.sku)}` }], {
        context,
      });
    }
    const issues = new InputIssues();
    const read = (path: string, value: string): bigint => {
      const units = tryToUnits(value, item.scale);
      if (units !== undefined) return units;
      issues.add(
        path,
        `${item.sku} is measured in ${item.unit} to ${item.scale} decimals; ${value} is finer`,
      );
      return 0n;
    };
    const reorderPoint = read('reorderPoint', input.reorderPoint);
    const safetyStock = input.safetyStock === undefined ? undefined : read('safetyStock', input.safetyStock);
    let reorderQuantity: string | null = null;
    let maxLevel: string | null = null;
    let demandWindowDays: number | null = null;
    if (input.method === 'fixed-quantity') {
      reorderQuantity = formatUnits(read('reorderQuantity', input.reorderQuantity), item.scale);
    } else if (input.method === 'up-to-max') {
      const units = read('maxLevel', input.maxLevel);
      if (units < reorderPoint) issues.add('maxLevel', 'must be at least the reorder point');
      maxLevel = formatUnits(units, item.scale);
    } else {
      demandWindowDays = input.demandWindowDays;
    }
    const source: ReplenishmentSource =
      input.source.kind === 'purchase'
        ? { kind: 'purchase', supplierId: input.source.supplierId }
        : { kind: 'transfer', fromLocationId: input.source.fromLocationId };
    if (source.kind === 'transfer') {
      const from = await repository.getLocation(source.fromLocationId);
      if (source.fromLocationId === location.id) {
        issues.add('source.fromLocationId', 'must be another location than the one replenished');
      } else if (!from) {
        issues.add('source.fromLocationId', `unknown location ${JSON.stringify(source.fromLocationId)}`);
      } else if (from.status !== 'active') {
        issues.add('source.fromLocationId', `location ${JSON.stringify(from.id)} is closed`);
      } else if (from.currency !== location.currency) {
        issues.add(
          'source.fromLocationId',
          `keeps costs in ${from.currency}, this location in ${location.currency}: transfers stay within one currency`,
        );
      }
    }
    issues.throwIfAny(context);

    const now = ctx.now.toISOString();
    const key = { locationId: location.id, sku: item.sku };
    // Lock the level before touching the rule: a stock change evaluates the rule's alert while it
    // holds that lock, so taking it first serialises this command with it (on SQL otherwise it
    // could rewrite the rule it read before this one, and both would alert) and keeps one lock
    // order, level then rule.
    const level = await repository.updateLevelSettings(key, {
      ...(safetyStock === undefined ? {} : { safetyStock: formatUnits(safetyStock, item.scale) }),
      now,
    });
    const existing = await repository.getReorderRule(key);
    const record: ReorderRuleRecord = {
      ...key,
      reorderPoint: formatUnits(reorderPoint, item.scale),
      method: input.method,
      reorderQuantity,
      maxLevel,
      leadTimeDays: input.leadTimeDays,
      demandWindowDays,
      source,
      alerting: existing?.alerting ?? false,
      updatedAt: now,
    };
    await repository.putReorderRule(record);
    const rule = toReorderRule(record, item, level);
    ctx.emit({
      type: 'inventory.reorder-rule-set',
      stream: stockStream(location.id, item.sku),
      storeId: location.id,
      payload: {
        ...rule,
        categoryId: item.categoryId,
        created: existing === undefined,
        businessDate: calendarOf(location).businessDayOf(ctx.now),
      },
    });
    await evaluateReorderAlert(ctx, { location, item, level });
    const stored = await repository.getReorderRule(key);
    return stored ? toReorderRule(stored, item, level) : rule;
  },
});
