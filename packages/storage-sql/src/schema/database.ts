import type { CatalogTables } from '../catalog/catalog-tables.js';
import type { InventoryTables } from '../inventory/inventory-tables.js';
import type { OrdersTables } from '../orders/orders-tables.js';
import type { CoreTables } from './core-tables.js';

/**
 * Every table of the schema, by name without the prefix (see docs/schema.md). Columns that the
 * drivers return in different shapes (instants, JSON, booleans) are typed `unknown` and read
 * through the value codec.
 */
export interface Database extends CoreTables, CatalogTables, InventoryTables, OrdersTables {}
