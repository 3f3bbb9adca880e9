import { ValidationError, type ValidationIssue } from '../errors/error-classes.js';
import { readDecimalInput } from './decimal-input.js';

/** A share in an allocation: a decimal string such as a line total (`"2.97"`), a safe integer or a bigint. */
export type AllocationRatio = string | number | bigint;

/**
 * Turns ratios into integer weights on one common scale (`["0.5", "2"]` -> `[5n, 20n]`), so the
 * split can be done in exact integer arithmetic however many decimals the ratios carry.
 */
export function toAllocationWeights(ratios: readonly AllocationRatio[]): bigint[] {
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(ratios) || ratios.length === 0) {
    throw new ValidationError([{ path: 'ratios', message: 'must list at least one ratio' }], {
      context: 'allocation',
    });
  }
  const scaled = ratios.map((ratio, i) => {
    const read = readDecimalInput(ratio);
    if (!read.ok) {
      issues.push({ path: `ratios.${i}`, message: read.message });
      return { digits: 0n, scale: 0 };
    }
    if (read.value.isNegative()) issues.push({ path: `ratios.${i}`, message: 'must not be negative' });
    const scale = read.value.decimalPlaces();
    // toFixed never switches to exponent notation, so the digits are exact for any magnitude.
    return { digits: BigInt(read.value.toFixed(scale).replace('.', '')), scale };
  });
  if (issues.length === 0 && scaled.every((s) => s.digits === 0n)) {
    issues.push({ path: 'ratios', message: 'must have a positive sum; every ratio is zero' });
  }
  if (issues.length > 0) throw new ValidationError(issues, { context: 'allocation' });
  const scale = Math.max(...scaled.map((s) => s.scale));
  return scaled.map((s) => s.digits * 10n ** BigInt(scale - s.scale));
}
