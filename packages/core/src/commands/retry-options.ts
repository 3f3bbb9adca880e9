import { z } from 'zod';
import { parseInput } from '../validation/parse-input.js';

/** How the command runner retries a command after a retryable ConflictError. */
export interface RetryOptions {
  /** Total attempts including the first; default 6. */
  readonly maxAttempts?: number;
  /** Base of the exponential backoff in ms; default 2. */
  readonly baseDelayMs?: number;
  /** Ceiling of one backoff in ms; default 250. */
  readonly maxDelayMs?: number;
  /** Random source in [0, 1) for the jitter; default Math.random. */
  readonly random?: () => number;
  /** Waits between attempts; injectable for tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Retry options with every default filled in. */
export type ResolvedRetryOptions = Required<RetryOptions>;

const retryNumbersSchema = z.object({
  maxAttempts: z.number().int().min(1).max(100),
  baseDelayMs: z.number().min(0).max(60_000),
  maxDelayMs: z.number().min(0).max(600_000),
});

/** Validates retry options and fills in defaults. */
export function resolveRetryOptions(options: RetryOptions = {}): ResolvedRetryOptions {
  const numbers = parseInput(
    retryNumbersSchema,
    {
      maxAttempts: options.maxAttempts ?? 6,
      baseDelayMs: options.baseDelayMs ?? 2,
      maxDelayMs: options.maxDelayMs ?? 250,
    },
    'retry options',
  );
  return {
    ...numbers,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  };
}

/** "Full jitter" backoff: a random wait up to base × 2^(attempt-1), capped. */
export function backoffDelay(attempt: number, options: ResolvedRetryOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(options.random() * ceiling);
}
