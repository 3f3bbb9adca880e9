import type { CatalogRepository } from '@retailkit/catalog';
import type { SqlContext } from '../sql/sql-context.js';

/** The catalog's records in SQL (placeholder until written). */
export class SqlCatalogRepository {
  /** The repository bound to one transaction. */
  constructor(readonly context: SqlContext) {}
}
export interface SqlCatalogRepository extends CatalogRepository {}
