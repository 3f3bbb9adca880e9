import { z } from 'zod';
import { ValidationError } from '../errors/error-classes.js';

/** The built-in units and their scales (decimal places): whole items, and metric measures. */
export const BUILT_IN_UNITS = Object.freeze({
  /** Whole items, the default. */
  each: 0,
  /** Kilograms, to the gram. */
  kg: 3,
  /** Grams, whole. */
  g: 0,
  /** Litres, to the millilitre. */
  l: 3,
  /** Millilitres, whole. */
  ml: 0,
  /** Metres, to the millimetre. */
  m: 3,
  /** Centimetres, whole. */
  cm: 0,
} as const);

/** The code of a built-in unit: `'each'` (the default), `'kg'`, `'g'`, `'l'`, `'ml'`, `'m'`, `'cm'`. */
export type BuiltInUnitCode = keyof typeof BUILT_IN_UNITS;

/** Most decimal places a custom unit may declare. */
export const MAX_UNIT_SCALE = 9;

/** A unit of measure: its code and how many decimal places its quantities carry. */
export interface UnitOfMeasure {
  /** A short code without spaces, e.g. `'kg'` or a custom `'lb'`. */
  readonly code: string;
  /** Decimal places a quantity in this unit may have: 0 for whole units, 3 for kg. */
  readonly scale: number;
}

/** A unit as callers name it: a built-in code, or `{ code, scale }` for a custom measured unit. */
export type UnitOfMeasureInput = BuiltInUnitCode | UnitOfMeasure;

const BUILT_IN_CODES = Object.keys(BUILT_IN_UNITS) as [BuiltInUnitCode, ...BuiltInUnitCode[]];

function isBuiltInCode(code: string): code is BuiltInUnitCode {
  return Object.hasOwn(BUILT_IN_UNITS, code);
}

const customUnitSchema = z
  .object({
    code: z.string().regex(/^\S{1,32}$/, 'must be 1 to 32 characters without spaces'),
    scale: z
      .number()
      .int('must be a whole number of decimal places')
      .min(0, 'must not be negative')
      .max(MAX_UNIT_SCALE, `must be at most ${MAX_UNIT_SCALE}`),
  })
  .refine((unit) => !isBuiltInCode(unit.code) || BUILT_IN_UNITS[unit.code] === unit.scale, {
    path: ['scale'],
    message: 'must match the scale of the built-in unit with this code',
  });

/** Validates a unit of measure in user input: a built-in code or `{ code, scale }`. */
export const unitOfMeasureSchema: z.ZodType<UnitOfMeasureInput, UnitOfMeasureInput> = z.union(
  [z.enum(BUILT_IN_CODES), customUnitSchema],
  {
    error: `must be one of ${BUILT_IN_CODES.join(', ')}, or { code, scale } for a custom unit`,
  },
);

/** The `{ code, scale }` of a unit, or a {@link ValidationError} on path `unit`. */
export function resolveUnit(input: UnitOfMeasureInput): UnitOfMeasure {
  if (typeof input === 'string' && isBuiltInCode(input)) {
    return Object.freeze({ code: input, scale: BUILT_IN_UNITS[input] });
  }
  const result = customUnitSchema.safeParse(input);
  if (!result.success) {
    const issues =
      typeof input === 'object' && input !== null
        ? result.error.issues.map((issue) => ({
            path: ['unit', ...issue.path.map(String)].join('.'),
            message: issue.message,
          }))
        : [
            {
              path: 'unit',
              message: `must be one of ${BUILT_IN_CODES.join(', ')}, or { code, scale } for a custom unit`,
            },
          ];
    throw new ValidationError(issues, { context: 'unit of measure' });
  }
  return Object.freeze({ code: result.data.code, scale: result.data.scale });
}

/** The JSON form of a unit: the code for a built-in unit, `{ code, scale }` for a custom one. */
export function unitToJson(unit: UnitOfMeasure): UnitOfMeasureInput {
  return isBuiltInCode(unit.code) ? unit.code : { code: unit.code, scale: unit.scale };
}
