import { BUILT_IN_UNITS, type BuiltInUnitCode, resolveUnit } from '@retailkit/core';
import type { SkuUnit } from './sku-unit.js';

/** A unit in its stored form: the code of a built-in unit, `{ code, scale }` of a custom one. */
export function toSkuUnit(input: SkuUnit = 'each'): SkuUnit {
  const unit = resolveUnit(input);
  return Object.hasOwn(BUILT_IN_UNITS, unit.code)
    ? (unit.code as BuiltInUnitCode)
    : { code: unit.code, scale: unit.scale };
}
