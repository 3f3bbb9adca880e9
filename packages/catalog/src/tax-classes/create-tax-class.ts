import { defineCommand } from '@retailkit/core';
import { z } from 'zod';
import type { CatalogCommand } from '../catalog-command.js';
import { CATALOG_PERMISSIONS } from '../catalog-permissions.js';
import { catalogStreams } from '../events/catalog-streams.js';
import { emitCatalogEvent } from '../events/emit-catalog-event.js';
import { alreadyExists } from '../validation/already-exists.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { catalogNameSchema } from '../validation/catalog-name-schema.js';
import { storeRatesSchema } from './store-rates-schema.js';
import type { TaxClassRecord } from './tax-class-record.js';
import { taxRateSchema } from './tax-rate-schema.js';

/** Input of `catalog.create-tax-class`. */
export interface CreateTaxClassInput {
  /** The id, e.g. `standard`; generated when left out. */
  readonly id?: string | undefined;
  /** Display name. */
  readonly name: string;
  /** The rate in percent as a decimal string, e.g. `"19"` or `"7.5"`. */
  readonly rate: string;
  /** Rates that differ in some stores, by store id. */
  readonly storeRates?: { readonly [storeId: string]: string } | undefined;
}

const schema: z.ZodType<CreateTaxClassInput, CreateTaxClassInput> = z.strictObject({
  id: catalogIdSchema.optional(),
  name: catalogNameSchema,
  rate: taxRateSchema,
  storeRates: storeRatesSchema.optional(),
});

/** Creates a tax class. Emits `catalog.tax-class-created`. */
export const createTaxClass: CatalogCommand<CreateTaxClassInput, TaxClassRecord> = defineCommand({
  name: 'catalog.create-tax-class',
  permission: CATALOG_PERMISSIONS.write,
  input: schema,
  handler: async (ctx, input) => {
    const id = input.id ?? ctx.ids.next();
    if (await ctx.tx.catalog.getTaxClass(id)) throw alreadyExists('tax class', id);
    const now = ctx.now.toISOString();
    const taxClass: TaxClassRecord = {
      id,
      name: input.name,
      rate: input.rate,
      storeRates: { ...input.storeRates },
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await ctx.tx.catalog.putTaxClass(taxClass, null);
    emitCatalogEvent(ctx, 'catalog.tax-class-created', catalogStreams.taxClass(id), { taxClass });
    return taxClass;
  },
});
