import { z } from 'zod';

/**
 * A store-local business day written `YYYY-MM-DD` (years 0001–9999). Business dates sort correctly as
 * plain strings, so `a < b` compares them.
 */
export type BusinessDate = `${number}-${number}-${number}`;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (rejects `2025-02-30`, `0000-01-01`). */
export function isBusinessDate(value: unknown): value is BusinessDate {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; setUTCFullYear avoids Date.UTC's 19xx mapping.
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0);
  return day <= lastDay.getUTCDate();
}

/** Parses a business date: a real calendar date written `YYYY-MM-DD`. */
export const businessDateSchema = z
  .string()
  .superRefine((value, ctx) => {
    if (!DATE_PATTERN.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'must be a date written YYYY-MM-DD' });
    } else if (!isBusinessDate(value)) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a real calendar date between 0001-01-01 and 9999-12-31',
      });
    }
  })
  .transform((value) => value as BusinessDate);
