import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ValidationError } from '../errors/error-classes.js';
import { isRetailKitError } from '../errors/retailkit-error.js';
import { backoffDelay, type RetryOptions, resolveRetryOptions } from './retry-options.js';

function rejectedPaths(options: RetryOptions): string[] {
  try {
    resolveRetryOptions(options);
  } catch (error) {
    expect(isRetailKitError(error, 'VALIDATION_FAILED')).toBe(true);
    return (error as ValidationError).issues.map((issue) => issue.path);
  }
  throw new Error('expected the options to be rejected');
}

describe('resolveRetryOptions', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('defaults to 6 attempts, 2 ms base and a 250 ms ceiling', () => {
    expect(resolveRetryOptions()).toMatchObject({ maxAttempts: 6, baseDelayMs: 2, maxDelayMs: 250 });
  });

  it('keeps what the caller sets, including injected random and sleep', () => {
    const random = () => 0.25;
    const sleep = async () => {};
    const resolved = resolveRetryOptions({ maxAttempts: 1, baseDelayMs: 0, random, sleep });
    expect(resolved).toMatchObject({ maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 250 });
    expect(resolved.random).toBe(random);
    expect(resolved.sleep).toBe(sleep);
  });

  it('rejects out-of-range numbers, naming each field', () => {
    expect(rejectedPaths({ maxAttempts: 0 })).toEqual(['maxAttempts']);
    expect(rejectedPaths({ maxAttempts: 2.5 })).toEqual(['maxAttempts']);
    expect(rejectedPaths({ maxAttempts: 101 })).toEqual(['maxAttempts']);
    expect(rejectedPaths({ baseDelayMs: -1, maxDelayMs: Number.NaN })).toEqual(['baseDelayMs', 'maxDelayMs']);
    expect(rejectedPaths({ maxDelayMs: 600_001 })).toEqual(['maxDelayMs']);
  });

  it('sleeps with a real timer by default', async () => {
    vi.useFakeTimers();
    const { sleep } = resolveRetryOptions();
    let woke = false;
    const done = sleep(50).then(() => {
      woke = true;
    });
    await vi.advanceTimersByTimeAsync(49);
    expect(woke).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(woke).toBe(true);
  });
});

describe('backoffDelay', () => {
  it('doubles the jitter window each attempt: random 0.5, base 2 gives 1, 2, 4, 8', () => {
    const options = resolveRetryOptions({ random: () => 0.5, baseDelayMs: 2, maxDelayMs: 1000 });
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, options))).toEqual([1, 2, 4, 8]);
  });

  it('caps the window at maxDelayMs', () => {
    const options = resolveRetryOptions({ random: () => 0.5, baseDelayMs: 2, maxDelayMs: 5 });
    expect([1, 2, 3, 4, 20].map((attempt) => backoffDelay(attempt, options))).toEqual([1, 2, 2, 2, 2]);
  });

  it('stays a whole number of ms within [0, window) for any random in [0, 1) (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 0, max: 600_000 }),
        (attempt, r, baseDelayMs, maxDelayMs) => {
          const options = resolveRetryOptions({ random: () => r, baseDelayMs, maxDelayMs });
          const window = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
          const delay = backoffDelay(attempt, options);
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(Math.max(0, window - 1));
        },
      ),
    );
  });
});
