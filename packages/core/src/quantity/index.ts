export { Quantity } from './quantity.js';
export { MAX_QUANTITY_DIGITS } from './quantity-issue.js';
export { type QuantityInput, type QuantityJson, quantityJsonSchema } from './quantity-json.js';
export { positiveQuantitySchema, quantitySchema } from './quantity-schema.js';
export {
  BUILT_IN_UNITS,
  type BuiltInUnitCode,
  MAX_UNIT_SCALE,
  resolveUnit,
  type UnitOfMeasure,
  type UnitOfMeasureInput,
  unitOfMeasureSchema,
} from './unit-of-measure.js';
