import { unitOfMeasureSchema } from '@retailkit/core';
import { z } from 'zod';
import { catalogNameSchema } from '../validation/catalog-name-schema.js';

/** Most options (size, colour, …) one SKU may have. */
export const MAX_SKU_OPTIONS = 20;

// Not trimmed: `size` and ` size` would become one key, the last value silently winning.
const optionNameSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(50, 'must be at most 50 characters')
  .regex(/^[^\p{Cc}\p{Cs}]*$/u, 'must not contain control characters')
  .regex(/^(?!\s)[\s\S]*(?<!\s)$/u, 'must not start or end with whitespace');

/** Validates option values such as `{ size: 'M', colour: 'red' }`. */
export const skuOptionsSchema = z
  .record(optionNameSchema, catalogNameSchema.max(100, 'must be at most 100 characters'))
  .refine(
    (options) => Object.keys(options).length <= MAX_SKU_OPTIONS,
    `must have at most ${MAX_SKU_OPTIONS} options`,
  );

/** Validates a SKU's unit: a built-in code of core, or `{ code, scale }` for a custom unit. */
export const skuUnitSchema = unitOfMeasureSchema;
