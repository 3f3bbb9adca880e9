import { z } from 'zod';

const RATE_MESSAGE = 'must be a percentage from "0" to "100" with at most 4 decimals, e.g. "19" or "7.5"';

/**
 * Validates a tax rate: a percentage from `"0"` to `"100"` as a decimal string with at most four
 * decimals, e.g. `"19"`, `"7.5"` or `"8.875"`. Kept as written.
 */
export const taxRateSchema = z
  .string({
    error: (issue) =>
      typeof issue.input === 'number' ? `${RATE_MESSAGE}; a string, not a JS number` : RATE_MESSAGE,
  })
  .regex(/^(100(\.0{1,4})?|\d{1,2}(\.\d{1,4})?)$/, RATE_MESSAGE);
