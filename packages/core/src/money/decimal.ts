import DecimalImport, { type Decimal as DecimalClass } from 'decimal.js';

// decimal.js ships one .d.ts that NodeNext reads as CommonJS, so the default import is typed as
// the module object; at run time (its ESM build, or its CJS build through interop) it is the class.
const DecimalConstructor = DecimalImport as unknown as typeof DecimalImport.Decimal;

/**
 * The only Decimal constructor retailkit uses. A private clone, so a user's global
 * `Decimal.set(...)` can never change how amounts are computed. Precision 50 leaves room for
 * every exact product the kit performs (30-digit amounts times 20-digit factors); the default
 * rounding is never relied on, because every rounding step names its mode.
 */
export const D = DecimalConstructor.clone({
  precision: 50,
  rounding: DecimalConstructor.ROUND_HALF_EVEN,
  toExpNeg: -50,
  toExpPos: 50,
});

/** A value of the private Decimal clone. */
export type DecimalValue = DecimalClass;

/** One of decimal.js's rounding constants. */
export type DecimalRounding = DecimalClass.Rounding;
