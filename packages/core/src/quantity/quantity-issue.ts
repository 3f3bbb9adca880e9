import { D, type DecimalValue } from '../money/decimal.js';
import type { UnitOfMeasure } from './unit-of-measure.js';

/**
 * Largest number of digits a quantity may have at its unit's scale. It keeps a quantity usable
 * as an exact multiplication factor for money.
 */
export const MAX_QUANTITY_DIGITS = 20;

/** Why `value` cannot be a quantity in `unit`, or undefined when it can. */
export function quantityIssue(value: DecimalValue, unit: UnitOfMeasure): string | undefined {
  if (value.decimalPlaces() > unit.scale) {
    return unit.scale === 0
      ? `must be a whole number of ${unit.code}`
      : `has more decimals than ${unit.code} allows (${unit.scale})`;
  }
  if (value.abs().gte(new D(10).pow(MAX_QUANTITY_DIGITS - unit.scale))) {
    return `is beyond the supported range (${MAX_QUANTITY_DIGITS} digits)`;
  }
  return undefined;
}
