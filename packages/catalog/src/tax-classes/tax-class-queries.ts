import { z } from 'zod';
import type { CatalogQuery } from '../queries/catalog-query.js';
import { defineCatalogQuery } from '../queries/define-catalog-query.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { requireFound } from '../validation/require-found.js';
import type { TaxClassRecord } from './tax-class-record.js';

/** Input of `getTaxClass`. */
export interface GetTaxClassInput {
  /** The tax class id. */
  readonly id: string;
}

/** The tax class with this id; NotFoundError when there is none. */
export const getTaxClass: CatalogQuery<GetTaxClassInput, TaxClassRecord> = defineCatalogQuery({
  name: 'catalog.get-tax-class',
  input: z.strictObject({ id: catalogIdSchema }),
  read: async (tx, input) => requireFound('tax class', input.id, await tx.catalog.getTaxClass(input.id)),
});

/** Every tax class, ordered by id. */
export const listTaxClasses: CatalogQuery<
  Record<string, never>,
  readonly TaxClassRecord[]
> = defineCatalogQuery({
  name: 'catalog.list-tax-classes',
  input: z.strictObject({}),
  read: (tx) => tx.catalog.listTaxClasses(),
});
