import { defineCommand, Money, type MoneyJsonInput } from '@retailkit/core';
import { z } from 'zod';
import type { CatalogCommand } from '../catalog-command.js';
import { CATALOG_PERMISSIONS } from '../catalog-permissions.js';
import { catalogStreams } from '../events/catalog-streams.js';
import { emitCatalogEvent } from '../events/emit-catalog-event.js';
import { nonNegativeMoneySchema } from '../skus/money-fields.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { instantSchema } from '../validation/instant-schema.js';
import { invalidField } from '../validation/invalid-field.js';
import { referenced } from '../validation/referenced.js';
import type { PriceRecord } from './price-record.js';
import { describeValidity, validitiesOverlap } from './validity.js';

/** Input of `catalog.set-price`. */
export interface SetPriceInput {
  /** The price list. */
  readonly priceListId: string;
  /** The SKU code. */
  readonly sku: string;
  /** The amount, in the list's currency; not negative. */
  readonly amount: MoneyJsonInput;
  /** First instant it applies (ISO-8601 with Z or an offset); open when left out or null. */
  readonly validFrom?: string | null | undefined;
  /** First instant it no longer applies; open when left out or null. Must be after `validFrom`. */
  readonly validTo?: string | null | undefined;
  /**
   * Limits the price to one store of the list. The command is then bound to that store, so a
   * manager of that store may set it; without it the price is chain-wide (for all the list's stores).
   */
  readonly storeId?: string | null | undefined;
}

const schema: z.ZodType<SetPriceInput, SetPriceInput> = z
  .strictObject({
    priceListId: catalogIdSchema,
    sku: catalogIdSchema,
    amount: nonNegativeMoneySchema,
    validFrom: instantSchema.nullable().optional(),
    validTo: instantSchema.nullable().optional(),
    storeId: catalogIdSchema.nullable().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.validFrom && input.validTo && input.validTo <= input.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'must be after validFrom' });
    }
  });

/**
 * Sets the price of a SKU in a price list for a half-open validity `[validFrom, validTo)`, for
 * all the list's stores or for one of them. Setting it again for the same list, SKU, store and
 * validity replaces the amount; a validity that overlaps another price of the same list, SKU and
 * store is refused with a ValidationError on `validFrom`. Emits `catalog.price-set`.
 */
export const setPrice: CatalogCommand<SetPriceInput, PriceRecord> = defineCommand({
  name: 'catalog.set-price',
  permission: CATALOG_PERMISSIONS.price,
  input: schema,
  storeId: (input) => input.storeId ?? undefined,
  handler: async (ctx, input) => {
    const { catalog } = ctx.tx;
    const storedList = await catalog.getPriceList(input.priceListId);
    const priceList = referenced(ctx.command, 'priceListId', 'price list', input.priceListId, storedList);
    referenced(ctx.command, 'sku', 'SKU', input.sku, await catalog.getSku(input.sku));
    if (input.amount.currency !== priceList.currency) {
      throw invalidField(
        ctx.command,
        'amount.currency',
        `must be ${priceList.currency}, the currency of price list ${JSON.stringify(priceList.id)}`,
      );
    }
    const storeId = input.storeId ?? null;
    if (storeId !== null && priceList.storeIds !== null && !priceList.storeIds.includes(storeId)) {
      throw invalidField(
        ctx.command,
        'storeId',
        `price list ${JSON.stringify(priceList.id)} does not apply to store ${JSON.stringify(storeId)}`,
      );
    }

    const validity = { validFrom: input.validFrom ?? null, validTo: input.validTo ?? null };
    const siblings = (await catalog.lockPrices(priceList.id, input.sku)).filter((p) => p.storeId === storeId);
    const same = siblings.find((p) => p.validFrom === validity.validFrom && p.validTo === validity.validTo);
    const clash = siblings.find((p) => p !== same && validitiesOverlap(p, validity));
    if (clash) {
      throw invalidField(
        ctx.command,
        'validFrom',
        `${describeValidity(validity)} overlaps price ${JSON.stringify(clash.id)} valid ${describeValidity(clash)}; end that one first`,
      );
    }

    const amount = Money.of(input.amount.amount, input.amount.currency).toJSON();
    const now = ctx.now.toISOString();
    if (same && same.amount.amount === amount.amount) return same;
    const price: PriceRecord = same
      ? { ...same, amount, version: same.version + 1, updatedAt: now }
      : {
          id: ctx.ids.next(),
          priceListId: priceList.id,
          sku: input.sku,
          storeId,
          amount,
          ...validity,
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
    await catalog.putPrice(price, same ? same.version : null);
    emitCatalogEvent(
      ctx,
      'catalog.price-set',
      catalogStreams.sku(input.sku),
      { price, previous: same ?? null, priceList },
      storeId,
    );
    return price;
  },
});
