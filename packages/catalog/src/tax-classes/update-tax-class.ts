import { defineCommand } from '@retailkit/core';
import { z } from 'zod';
import type { CatalogCommand } from '../catalog-command.js';
import { CATALOG_PERMISSIONS } from '../catalog-permissions.js';
import { catalogStreams } from '../events/catalog-streams.js';
import { emitCatalogEvent } from '../events/emit-catalog-event.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { catalogNameSchema } from '../validation/catalog-name-schema.js';
import { expectedVersionSchema } from '../validation/expected-version-schema.js';
import { nextVersion } from '../validation/next-version.js';
import { requireCurrent } from '../validation/require-current.js';
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
    const stored = await ctx.tx.catalog.getTaxClass(input.id);
    const current = requireCurrent('tax class', input.id, stored, input.expectedVersion);
    const { next, changed } = nextVersion<TaxClassRecord>(
      current,
      {
        name: input.name ?? current.name,
        rate: input.rate ?? current.rate,
        storeRates: input.storeRates === undefined ? current.storeRates : { ...input.storeRates },
      },
      ctx.now,
    );
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
