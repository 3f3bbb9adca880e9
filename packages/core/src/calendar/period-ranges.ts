import type { BusinessDate } from './business-date.js';
import type { InstantRange } from './instant-range.js';

/** A week of business days. */
export interface WeekRange {
  /** Its first business day. */
  readonly start: BusinessDate;
  /** The first business day after it (exclusive). */
  readonly end: BusinessDate;
  /** The instants it covers, from the start of `start` to the start of `end`. */
  readonly range: InstantRange;
}

/** An ISO 8601 week (Monday to Sunday) of business days. */
export interface IsoWeekRange extends WeekRange {
  /** The ISO week-numbering year, which differs from the calendar year around New Year. */
  readonly year: number;
  /** The week number, 1 to 52 or 53. */
  readonly week: number;
}

/** A calendar month of business days. */
export interface MonthRange {
  /** The calendar year. */
  readonly year: number;
  /** The month, 1 (January) to 12 (December). */
  readonly month: number;
  /** Its first business day. */
  readonly start: BusinessDate;
  /** The first business day of the next month (exclusive). */
  readonly end: BusinessDate;
  /** The instants it covers, from the start of `start` to the start of `end`. */
  readonly range: InstantRange;
}
