import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors/error-classes.js';

/** Turns zod issues into retailkit validation issues with dotted field paths. */
export function toValidationIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map((segment) => String(segment)).join('.'),
    message: issue.message,
  }));
}

/**
 * Parses `input` with `schema`, or throws a {@link ValidationError} that lists every failing field.
 *
 * @example
 * ```ts
 * const input = parseInput(z.object({ sku: z.string().min(1) }), raw, 'reserve request');
 * ```
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, context?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(toValidationIssues(result.error.issues), {
    ...(context === undefined ? {} : { context }),
    cause: result.error,
  });
}
