import type { Clock } from '../clock/clock.js';
import type { Weekday } from './business-calendar-config.js';
import type { BusinessDate } from './business-date.js';
import type { InstantRange } from './instant-range.js';
import type { IsoWeekRange, MonthRange, WeekRange } from './period-ranges.js';

/**
 * A store's business days in its own time zone. Days are half-open and tile time: every instant
 * belongs to exactly one business day, and a day lasts 23, 24 or 25 hours (23.5 or 24.5 in
 * Australia/Lord_Howe) as the zone's DST rules make it. Create one with `createBusinessCalendar`.
 */
export interface BusinessCalendar {
  /** The store's IANA time zone. */
  readonly timeZone: string;
  /** Local wall time `"HH:MM"` at which each business day begins. */
  readonly dayStart: string;
  /** First day of the week for {@link BusinessCalendar.weekOf}. */
  readonly weekStartsOn: Weekday;
  /** The business day an instant falls in. */
  businessDayOf(instant: Date): BusinessDate;
  /**
   * The instants of a business day: it starts when the local clock reads `date` at `dayStart`
   * (the earlier instant if that time occurs twice, the end of the DST gap if it never occurs) and
   * ends where the next day starts.
   */
  dayRange(date: BusinessDate): InstantRange;
  /** The week, starting on `weekStartsOn`, that holds `date`. */
  weekOf(date: BusinessDate): WeekRange;
  /** The ISO 8601 week (Monday start, numbered within its week-year) that holds `date`. */
  isoWeekOf(date: BusinessDate): IsoWeekRange;
  /** A calendar month of business days; `month` is 1 (January) to 12. */
  monthRange(year: number, month: number): MonthRange;
  /** The calendar month that holds `date`. */
  monthOf(date: BusinessDate): MonthRange;
  /** The instants of the business days from `from` up to, but not including, `to`. */
  periodRange(from: BusinessDate, to: BusinessDate): InstantRange;
  /** The business day it is now, by the given clock. */
  today(clock: Clock): BusinessDate;
}
