import { describeValue } from './describe-value.js';

/**
 * Awaits `promise` and returns its rejection reason; fails the test if it resolves.
 *
 * @example
 * ```ts
 * const error = await rejection(catalog.getSku({ sku: 'missing' }, { actor }));
 * isRetailKitError(error, 'NOT_FOUND'); // true
 * ```
 */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`expected the promise to reject, but it resolved with ${describeValue(value)}`);
}
