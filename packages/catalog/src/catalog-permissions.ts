/**
 * The permissions catalog commands and queries declare. The default roles give all three to
 * managers (`catalog.*`) and admins, and only `catalog.read` to cashiers and clerks.
 */
export const CATALOG_PERMISSIONS = Object.freeze({
  /** Every catalog query. */
  read: 'catalog.read',
  /** Categories, tax classes, products, SKUs and barcodes. */
  write: 'catalog.write',
  /** Price lists and prices. */
  price: 'catalog.price',
} as const);
