import type { BuiltInUnitCode } from '@retailkit/core';

/**
 * The unit a SKU is sold and stocked in, as JSON: a built-in code of core (`'each'`, `'kg'`, `'g'`,
 * `'l'`, `'ml'`, `'m'`, `'cm'`) or `{ code, scale }` for a custom unit. Pass it to
 * `Quantity.of(value, unit)`.
 */
export type SkuUnit = BuiltInUnitCode | { readonly code: string; readonly scale: number };
