import { isRetailKitError, Money, ValidationError } from '@retailkit/core';

/** `Money.of(value, currency)`, but a refused amount is blamed on the caller's field `path`, not on `amount`. */
export function moneyAtPath(value: string, currency: string, path: string, context: string): Money {
  try {
    return Money.of(value, currency);
  } catch (error) {
    if (!isRetailKitError(error, 'VALIDATION_FAILED')) throw error;
    const issues = (error as ValidationError).issues.map((issue) => ({
      path: issue.path === 'amount' ? path : issue.path,
      message: issue.message,
    }));
    throw new ValidationError(issues, { context, cause: error });
  }
}
