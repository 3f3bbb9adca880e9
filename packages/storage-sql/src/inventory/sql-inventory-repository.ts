import type { InventoryRepository } from '@retailkit/inventory';
import type { SqlContext } from '../sql/sql-context.js';

/** The inventory's records in SQL (placeholder until written). */
export class SqlInventoryRepository {
  /** The repository bound to one transaction. */
  constructor(readonly context: SqlContext) {}
}
export interface SqlInventoryRepository extends InventoryRepository {}
