import { z } from 'zod';

/**
 * Validates an instant written as an ISO-8601 date-time with `Z` or an offset
 * (`2025-03-01T00:00:00+01:00`) and normalises it to UTC with milliseconds, as
 * `Date.toISOString()` writes it, so stored instants compare correctly as strings.
 */
export const instantSchema = z
  .string({ error: 'must be an ISO-8601 date-time string' })
  .pipe(
    z.iso.datetime({
      offset: true,
      error: 'must be an ISO-8601 date-time with Z or an offset, e.g. "2025-03-01T00:00:00Z"',
    }),
  )
  .transform((text) => new Date(text).toISOString())
  // An offset can push 9999-12-31 into year 10000, which no longer sorts as a string.
  .refine((iso) => /^\d{4}-/.test(iso), 'must be between the years 0 and 9999 in UTC');
