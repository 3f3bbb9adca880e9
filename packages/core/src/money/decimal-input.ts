import { decimalStringSchema } from '../validation/common-schemas.js';
import { D, type DecimalValue } from './decimal.js';

/** The outcome of reading a caller's decimal value: the number, or why it was refused. */
export type DecimalInputResult =
  | { readonly ok: true; readonly value: DecimalValue }
  | { readonly ok: false; readonly message: string };

/**
 * Reads a decimal given as a string, a bigint or a safe-integer number. A fractional JS number
 * is refused rather than converted: by the time it arrives it may already be a binary
 * approximation (0.1 + 0.2), so only the caller's string says what was meant.
 */
export function readDecimalInput(input: unknown): DecimalInputResult {
  if (typeof input === 'string') {
    if (!decimalStringSchema.safeParse(input).success) {
      return {
        ok: false,
        message: `must be a decimal number written as a string, e.g. "12.34"; got ${JSON.stringify(input)}`,
      };
    }
    return { ok: true, value: normalizeZero(new D(input)) };
  }
  if (typeof input === 'bigint') return { ok: true, value: new D(input.toString()) };
  if (typeof input === 'number') {
    if (Number.isSafeInteger(input)) return { ok: true, value: normalizeZero(new D(input)) };
    return {
      ok: false,
      message: `JS numbers are accepted only as safe integers; pass decimals as a string (e.g. "12.34"), got ${String(input)}`,
    };
  }
  return { ok: false, message: 'must be a decimal string, a bigint or a safe integer' };
}

/** Turns -0 into 0, so no amount or quantity ever prints as "-0.00". */
export function normalizeZero(value: DecimalValue): DecimalValue {
  return value.isZero() ? new D(0) : value;
}
