import { MS_PER_DAY, weekdayOfEpochDay } from './epoch-day.js';

/** ISO 8601 week of an epoch day: week-year, week number and the epoch day of its Monday. */
export function isoWeekOfEpochDay(day: number): { year: number; week: number; monday: number } {
  const isoWeekday = weekdayOfEpochDay(day) || 7;
  // A week belongs to the year that holds its Thursday.
  const thursday = day - isoWeekday + 4;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const januaryFirst = new Date(0);
  januaryFirst.setUTCFullYear(year, 0, 1);
  const week = Math.floor((thursday - januaryFirst.getTime() / MS_PER_DAY) / 7) + 1;
  return { year, week, monday: thursday - 3 };
}
