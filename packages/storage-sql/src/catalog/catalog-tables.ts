/** The catalog's tables (filled in by the catalog migration's author). */
export type CatalogTables = {};
