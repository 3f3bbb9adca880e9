import { defineCommand, NotFoundError } from '@retailkit/core';
import { z } from 'zod';
import type { CatalogCommand } from '../catalog-command.js';
import { CATALOG_PERMISSIONS } from '../catalog-permissions.js';
import { catalogStreams } from '../events/catalog-streams.js';
import { emitCatalogEvent } from '../events/emit-catalog-event.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { catalogNameSchema } from '../validation/catalog-name-schema.js';
import { changedFields } from '../validation/changed-fields.js';
import { checkExpectedVersion } from '../validation/check-expected-version.js';
import { expectedVersionSchema } from '../validation/expected-version-schema.js';
import { storeRatesSchema } from './store-rates-schema.js';
import type { TaxClassRecord } from './tax-class-record.js';
import { taxRateSchema } from './tax-rate-schema.js';

/** Input of `catalog.update-tax-class`: the fields to change; the others keep their values. */
export interface UpdateTaxClassInput {
  /** The tax class to change. */
  readonly id: string;
  /** Refuse the change (ConflictError, not retried) unless the tax class is still at this version. */
  readonly expectedVersion?: number | undefined;
  /** A new display name. */
  readonly name?: string | undefined;
  /** A new rate. */
  readonly rate?: string | undefined;
  /** The new per-store rates, replacing all of the old ones (`{}` clears them). */
  readonly storeRates?: { readonly [storeId: string]: string } | undefined;
}

const schema: z.ZodType<UpdateTaxClassInput, UpdateTaxClassInput> = z.strictObject({
  id: catalogIdSchema,
  expectedVersion: expectedVersionSchema.optional(),
  name: catalogNameSchema.optional(),
  rate: taxRateSchema.optional(),
  storeRates: storeRatesSchema.optional(),
});

/**
 * Changes a tax class. Prices resolved afterwards carry the new rate. Emits
 * `catalog.tax-class-updated` when anything changed.
 */
export const updateTaxClass: CatalogCommand<UpdateTaxClassInput, TaxClassRecord> = defineCommand({
  name: 'catalog.update-tax-class',
  permission: CATALOG_PERMISSIONS.write,
  input: schema,
  handler: async (ctx, input) => {
    const current = await ctx.tx.catalog.getTaxClass(input.id);
    if (!current) throw new NotFoundError('tax class', input.id);
    checkExpectedVersion('tax class', input.id, current.version, input.expectedVersion);
    const next: TaxClassRecord = {
      ...current,
      name: input.name ?? current.name,
      rate: input.rate ?? current.rate,
      storeRates: input.storeRates === undefined ? current.storeRates : { ...input.storeRates },
      version: current.version + 1,
      updatedAt: ctx.now.toISOString(),
    };
    const changed = changedFields(current, next);
    if (changed.length === 0) return current;
    await ctx.tx.catalog.putTaxClass(next, current.version);
    emitCatalogEvent(ctx, 'catalog.tax-class-updated', catalogStreams.taxClass(next.id), {
      taxClass: next,
      previous: current,
      changed,
    });
    return next;
  },
});
