import { describeValue } from './describe-value.js';

/**
 * Calls `fn` and returns what it throws; fails the test if it returns normally. Plain `throw`
 * rather than vitest's `expect`, so it works in any test runner.
 *
 * @example
 * ```ts
 * const error = thrownBy(() => Money.of('1.005', 'EUR'));
 * isRetailKitError(error, 'VALIDATION_FAILED'); // true
 * ```
 */
export function thrownBy(fn: () => unknown): unknown {
  let result: unknown;
  try {
    result = fn();
  } catch (error) {
    return error;
  }
  throw new Error(`expected the function to throw, but it returned ${describeValue(result)}`);
}
