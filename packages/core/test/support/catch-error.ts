import { inspect } from 'node:util';
import { ValidationError } from '../../src/errors/error-classes.js';
import { isRetailKitError } from '../../src/errors/retailkit-error.js';

// Plain `throw new Error` rather than vitest's `expect` keeps this usable from any test, and the
// failure message still names what actually happened.
function describeValue(value: unknown): string {
  return value instanceof Error ? `${value.name}: ${value.message}` : inspect(value);
}

/** Calls `fn` and returns what it throws; fails the test if it returns normally. */
export function thrownBy(fn: () => unknown): unknown {
  let result: unknown;
  try {
    result = fn();
  } catch (error) {
    return error;
  }
  throw new Error(`expected the function to throw, but it returned ${describeValue(result)}`);
}

/** Awaits `promise` and returns its rejection reason; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`expected the promise to reject, but it resolved with ${describeValue(value)}`);
}

/**
 * The issue paths of a ValidationError, taken from `fnOrError` if it is an already-caught error, or
 * from what it throws if it is a function; fails the test on anything but a ValidationError.
 */
export function validationPaths(fnOrError: unknown): string[] {
  const error = typeof fnOrError === 'function' ? thrownBy(fnOrError as () => unknown) : fnOrError;
  if (!isRetailKitError(error, 'VALIDATION_FAILED') || !(error instanceof ValidationError)) {
    throw new Error(`expected a ValidationError (VALIDATION_FAILED), but got ${describeValue(error)}`, {
      cause: error,
    });
  }
  return error.issues.map((issue) => issue.path);
}
