import { isRetailKitError, Money, ValidationError } from '@retailkit/core';

/**
 * An input amount as Money in the order's currency; an amount finer than the currency's minor unit
 * (or out of range) is a ValidationError naming `path`.
 */
export function inputMoney(amount: string, currency: string, path: string, context: string): Money {
  try {
    return Money.of(amount, currency);
  } catch (error) {
    if (isRetailKitError(error, 'VALIDATION_FAILED')) {
      throw new ValidationError([{ path, message: `is not a valid ${currency} amount (${error.message})` }], {
        context,
        cause: error,
      });
    }
    throw error;
  }
}
