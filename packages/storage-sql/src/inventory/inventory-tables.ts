/** The inventory's tables (filled in by the inventory migration's author). */
export type InventoryTables = {};
