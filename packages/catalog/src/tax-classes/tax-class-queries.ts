import { NotFoundError } from '@retailkit/core';
import { z } from 'zod';
import { CATALOG_PERMISSIONS } from '../catalog-permissions.js';
import { type CatalogQuery, defineCatalogQuery } from '../queries/catalog-query.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import type { TaxClassRecord } from './tax-class-record.js';

/** Input of `getTaxClass`. */
export interface GetTaxClassInput {
  /** The tax class id. */
  readonly id: string;
}

/** The tax class with this id; NotFoundError when there is none. */
export const getTaxClass: CatalogQuery<GetTaxClassInput, TaxClassRecord> = defineCatalogQuery({
  name: 'catalog.get-tax-class',
  permission: CATALOG_PERMISSIONS.read,
  input: z.strictObject({ id: catalogIdSchema }),
  read: async (tx, input) => {
    const taxClass = await tx.catalog.getTaxClass(input.id);
    if (!taxClass) throw new NotFoundError('tax class', input.id);
    return taxClass;
  },
});

/** Every tax class, ordered by id. */
export const listTaxClasses: CatalogQuery<
  Record<string, never>,
  readonly TaxClassRecord[]
> = defineCatalogQuery({
  name: 'catalog.list-tax-classes',
  permission: CATALOG_PERMISSIONS.read,
  input: z.strictObject({}),
  read: (tx) => tx.catalog.listTaxClasses(),
});
