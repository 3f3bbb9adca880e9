import { ValidationError } from '../errors/error-classes.js';
import type { BusinessDate } from './business-date.js';

/** Milliseconds in a civil (calendar) day; wall-clock arithmetic only, never instants. */
export const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of an already validated business date. */
export function epochDayOf(date: BusinessDate): number {
  const civil = new Date(0);
  civil.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return civil.getTime() / MS_PER_DAY;
}

/**
 * The business date `day` days after 1970-01-01. `field` names the caller's input that produced it,
 * for the ValidationError when the result leaves 0001–9999.
 */
export function businessDateOfEpochDay(day: number, field: string): BusinessDate {
  const civil = new Date(day * MS_PER_DAY);
  const year = civil.getUTCFullYear();
  if (!(year >= 1 && year <= 9999)) {
    throw new ValidationError([{ path: field, message: 'leads outside 0001-01-01..9999-12-31' }]);
  }
  const month = String(civil.getUTCMonth() + 1).padStart(2, '0');
  const date = String(civil.getUTCDate()).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${month}-${date}` as BusinessDate;
}

/** Weekday of an epoch day: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfEpochDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
