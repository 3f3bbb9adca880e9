import { ConflictError } from '../errors/error-classes.js';
import { isRetailKitError } from '../errors/retailkit-error.js';
import { backoffDelay, type ResolvedRetryOptions } from './retry-options.js';

/**
 * Runs `operation` (a whole transaction) again after each retryable ConflictError, waiting a
 * jittered backoff in between. Any other error passes through at once. After `maxAttempts`
 * conflicts it throws a non-retryable ConflictError that keeps the last conflict's message and
 * details, adds `context` and `attempts`, and has the last conflict as its cause.
 */
export async function retryOnConflict<T>(
  what: string,
  context: Readonly<Record<string, unknown>>,
  retry: ResolvedRetryOptions,
  operation: (attempt: number) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!isRetailKitError(error, 'CONFLICT') || !error.retryable) throw error;
      if (attempt >= retry.maxAttempts) {
        throw new ConflictError(`${what} gave up after ${attempt} conflicting attempts: ${error.message}`, {
          cause: error,
          retryable: false,
          details: { ...error.details, ...context, attempts: attempt },
        });
      }
      await retry.sleep(backoffDelay(attempt, retry));
    }
  }
}
