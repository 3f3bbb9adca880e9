import { z } from 'zod';
import { parseInput } from '../validation/parse-input.js';
import { type BusinessDate, businessDateSchema } from './business-date.js';
import { businessDateOfEpochDay, epochDayOf } from './epoch-day.js';

const inputSchema = z.object({
  date: businessDateSchema,
  n: z.number().int('must be a whole number of days').min(-3_700_000).max(3_700_000),
});

/**
 * The business date `n` calendar days after `date` (before it when `n` is negative). Every day
 * counts: unlike date-fns' `addBusinessDays`, weekends are not skipped — a business day here is a
 * store's trading day, and stores trade at weekends.
 *
 * @example
 * ```ts
 * addBusinessDays('2024-02-28', 2); // '2024-03-01'
 * ```
 */
export function addBusinessDays(date: BusinessDate, n: number): BusinessDate {
  const input = parseInput(inputSchema, { date, n }, 'addBusinessDays input');
  return businessDateOfEpochDay(epochDayOf(input.date) + input.n, 'n');
}
