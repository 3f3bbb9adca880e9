import { z } from 'zod';
import type { Clock } from '../clock/clock.js';
import { parseInput } from '../validation/parse-input.js';
import type { BusinessCalendar } from './business-calendar.js';
import { type BusinessCalendarConfig, businessCalendarConfigSchema } from './business-calendar-config.js';
import { type BusinessDate, businessDateSchema } from './business-date.js';
import { businessDateOfEpochDay, epochDayOf, MS_PER_DAY, weekdayOfEpochDay } from './epoch-day.js';
import { firstInstantAtWallTime } from './first-instant-at-wall-time.js';
import type { InstantRange } from './instant-range.js';
import { isoWeekOfEpochDay } from './iso-week.js';
import type { IsoWeekRange, MonthRange, WeekRange } from './period-ranges.js';
import { wallTimeOf } from './zone-offset.js';

const DAY_START_CACHE_SIZE = 1024;

const dateInput = z.object({ date: businessDateSchema });
const instantInput = z.object({ instant: z.date('must be a valid Date') });
const monthInput = z.object({
  year: z.number().int('must be a whole number').min(1).max(9999),
  month: z.number().int('must be a whole number').min(1).max(12),
});
const periodInput = z
  .object({ from: businessDateSchema, to: businessDateSchema })
  .refine((period) => period.from <= period.to, {
    path: ['to'],
    message: 'must not be before from',
    // Only compare two valid dates; a malformed one is already reported under its own name.
    when: (payload) => payload.issues.length === 0,
  });

/**
 * Creates the business calendar of a store. Throws a ValidationError naming the field when the
 * time zone is unknown or `dayStart` is not `"HH:MM"`.
 *
 * @example
 * ```ts
 * const calendar = createBusinessCalendar({ timeZone: 'America/New_York', dayStart: '04:00' });
 * calendar.businessDayOf(new Date('2024-03-10T06:30:00Z')); // '2024-03-09' (01:30 local)
 * ```
 */
export function createBusinessCalendar(config: BusinessCalendarConfig): BusinessCalendar {
  const { timeZone, dayStart, weekStartsOn } = parseInput(
    businessCalendarConfigSchema,
    config,
    'business calendar config',
  );
  const dayStartMs = (Number(dayStart.slice(0, 2)) * 60 + Number(dayStart.slice(3, 5))) * 60_000;

  // Every range is built from day starts, so adjacent days share a boundary and tile time. Each
  // start costs a handful of Intl calls, and rollups ask for the same few days over and over.
  const dayStarts = new Map<number, number>();
  const startOfDay = (epochDay: number): number => {
    let start = dayStarts.get(epochDay);
    if (start === undefined) {
      start = firstInstantAtWallTime(timeZone, epochDay * MS_PER_DAY + dayStartMs);
      if (dayStarts.size >= DAY_START_CACHE_SIZE) dayStarts.clear();
      dayStarts.set(epochDay, start);
    }
    return start;
  };

  const rangeOfDays = (fromDay: number, toDay: number): InstantRange => ({
    start: new Date(startOfDay(fromDay)),
    end: new Date(startOfDay(toDay)),
  });

  const weekFrom = (startDay: number, field: string): WeekRange => ({
    start: businessDateOfEpochDay(startDay, field),
    end: businessDateOfEpochDay(startDay + 7, field),
    range: rangeOfDays(startDay, startDay + 7),
  });

  const monthRange = (year: number, month: number): MonthRange => {
    const input = parseInput(monthInput, { year, month }, 'month');
    const first = new Date(0);
    first.setUTCFullYear(input.year, input.month - 1, 1);
    const startDay = first.getTime() / MS_PER_DAY;
    first.setUTCFullYear(input.year, input.month, 1);
    const endDay = first.getTime() / MS_PER_DAY;
    return {
      year: input.year,
      month: input.month,
      start: businessDateOfEpochDay(startDay, 'month'),
      end: businessDateOfEpochDay(endDay, 'month'),
      range: rangeOfDays(startDay, endDay),
    };
  };

  // Commands stamp every ledger entry and event with its business day, nearly always the same day
  // as the previous call: remember the last day's bounds and skip the Intl work while inside them.
  let lastDay: { readonly start: number; readonly end: number; readonly date: BusinessDate } | undefined;
  const businessDayOf = (instant: Date): BusinessDate => {
    const at =
      instant instanceof Date && !Number.isNaN(instant.getTime())
        ? instant.getTime()
        : parseInput(instantInput, { instant }, 'instant').instant.getTime();
    if (lastDay !== undefined && at >= lastDay.start && at < lastDay.end) return lastDay.date;
    // The wall-clock guess is off by one day at most around DST; the day starts decide.
    let day = Math.floor((wallTimeOf(timeZone, at) - dayStartMs) / MS_PER_DAY);
    while (at < startOfDay(day)) day -= 1;
    while (at >= startOfDay(day + 1)) day += 1;
    const date = businessDateOfEpochDay(day, 'instant');
    lastDay = { start: startOfDay(day), end: startOfDay(day + 1), date };
    return date;
  };

  const epochDayInput = (date: BusinessDate): number =>
    epochDayOf(parseInput(dateInput, { date }, 'business date').date);

  return Object.freeze({
    timeZone,
    dayStart,
    weekStartsOn,
    businessDayOf,
    dayRange(date: BusinessDate): InstantRange {
      const day = epochDayInput(date);
      return rangeOfDays(day, day + 1);
    },
    weekOf(date: BusinessDate): WeekRange {
      const day = epochDayInput(date);
      return weekFrom(day - ((weekdayOfEpochDay(day) - weekStartsOn + 7) % 7), 'date');
    },
    isoWeekOf(date: BusinessDate): IsoWeekRange {
      const { year, week, monday } = isoWeekOfEpochDay(epochDayInput(date));
      return { year, week, ...weekFrom(monday, 'date') };
    },
    monthRange,
    monthOf(date: BusinessDate): MonthRange {
      const valid = parseInput(dateInput, { date }, 'business date').date;
      return monthRange(Number(valid.slice(0, 4)), Number(valid.slice(5, 7)));
    },
    periodRange(from: BusinessDate, to: BusinessDate): InstantRange {
      const period = parseInput(periodInput, { from, to }, 'period');
      return rangeOfDays(epochDayOf(period.from), epochDayOf(period.to));
    },
    today(clock: Clock): BusinessDate {
      return businessDayOf(clock.now());
    },
  });
}
