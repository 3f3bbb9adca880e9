import { isRetailKitError, type ValidationIssue } from '@retailkit/core';
import { describeValue } from './describe-value.js';
import { thrownBy } from './thrown-by.js';

/**
 * The field paths of a ValidationError, in issue order: of `fnOrError` itself when it is an error
 * already caught, or of what it throws when it is a function. Fails the test on anything but a
 * ValidationError (checked by its code, so it works across package copies).
 *
 * @example
 * ```ts
 * validationPaths(await rejection(catalog.createTaxClass({ name: '', rate: '7,5' }, { actor })));
 * // ['name', 'rate']
 * ```
 */
export function validationPaths(fnOrError: unknown): string[] {
  const error = typeof fnOrError === 'function' ? thrownBy(fnOrError as () => unknown) : fnOrError;
  if (!isRetailKitError(error, 'VALIDATION_FAILED')) {
    throw new Error(`expected a ValidationError (VALIDATION_FAILED), but got ${describeValue(error)}`, {
      cause: error,
    });
  }
  const issues = error.details.issues as readonly ValidationIssue[];
  return issues.map((issue) => issue.path);
}
