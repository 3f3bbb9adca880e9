import { TZDate } from '@date-fns/tz';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validationPaths } from '../../test/support/catch-error.js';
import type { BusinessDate } from './business-date.js';
import { createBusinessCalendar } from './create-business-calendar.js';
import type { InstantRange } from './instant-range.js';

const hours = (range: InstantRange): number => (range.end.getTime() - range.start.getTime()) / 3_600_000;

describe('weekOf', () => {
  it('starts weeks on Monday by default and on the configured weekday otherwise', () => {
    const mondays = createBusinessCalendar({ timeZone: 'Europe/Berlin' });
    expect(mondays.weekOf('2024-03-13')).toMatchObject({ start: '2024-03-11', end: '2024-03-18' });
    expect(mondays.weekOf('2024-03-11')).toMatchObject({ start: '2024-03-11', end: '2024-03-18' });
    expect(mondays.weekOf('2024-03-17')).toMatchObject({ start: '2024-03-11', end: '2024-03-18' });
    const sundays = createBusinessCalendar({ timeZone: 'Europe/Berlin', weekStartsOn: 0 });
    expect(sundays.weekOf('2024-03-13')).toMatchObject({ start: '2024-03-10', end: '2024-03-17' });
    expect(sundays.weekOf('2024-03-16')).toMatchObject({ start: '2024-03-10', end: '2024-03-17' });
    const saturdays = createBusinessCalendar({ timeZone: 'Europe/Berlin', weekStartsOn: 6 });
    expect(saturdays.weekOf('2024-12-31')).toMatchObject({ start: '2024-12-28', end: '2025-01-04' });
  });

  it('covers the instants of its seven business days, one hour short across spring-forward', () => {
    const calendar = createBusinessCalendar({
      timeZone: 'America/New_York',
      dayStart: '04:00',
      weekStartsOn: 0,
    });
    const week = calendar.weekOf('2024-03-12');
    expect(week.range.start).toEqual(calendar.dayRange('2024-03-10').start);
    expect(week.range.end).toEqual(calendar.dayRange('2024-03-17').start);
    expect(hours(calendar.weekOf('2024-03-05').range)).toBe(7 * 24 - 1); // holds 03-09
    expect(hours(week.range)).toBe(7 * 24);
  });
});

describe('isoWeekOf', () => {
  const calendar = createBusinessCalendar({ timeZone: 'Europe/Berlin', weekStartsOn: 0 });

  it('numbers 2020-W53, a 53-week year whose last week ends in 2021', () => {
    const week53 = { year: 2020, week: 53, start: '2020-12-28', end: '2021-01-04' };
    expect(calendar.isoWeekOf('2020-12-31')).toMatchObject(week53);
    expect(calendar.isoWeekOf('2021-01-03')).toMatchObject(week53);
    expect(calendar.isoWeekOf('2021-01-04')).toMatchObject({ year: 2021, week: 1, start: '2021-01-04' });
  });

  it('puts 2025-12-29 in 2026-W01 whatever weekStartsOn says', () => {
    const week1 = { year: 2026, week: 1, start: '2025-12-29', end: '2026-01-05' };
    expect(calendar.isoWeekOf('2025-12-29')).toMatchObject(week1);
    expect(calendar.isoWeekOf('2026-01-01')).toMatchObject(week1);
    expect(calendar.isoWeekOf('2026-01-04')).toMatchObject(week1);
    expect(calendar.isoWeekOf('2025-12-28')).toMatchObject({ year: 2025, week: 52 });
    expect(calendar.isoWeekOf('2026-01-01').range).toEqual(calendar.periodRange('2025-12-29', '2026-01-05'));
  });

  it('agrees with date-fns on the week-year and number of any date', () => {
    const days = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }).map((ms) => {
      return new Date(Math.floor(ms / 86_400_000) * 86_400_000).toISOString().slice(0, 10) as BusinessDate;
    });
    fc.assert(
      fc.property(days, (date) => {
        const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
        const reference = new TZDate(year, month - 1, day, 'UTC');
        const week = calendar.isoWeekOf(date);
        expect({ year: week.year, week: week.week }).toEqual({
          year: getISOWeekYear(reference),
          week: getISOWeek(reference),
        });
        expect(week.start <= date && date < week.end).toBe(true);
        expect(new Date(`${week.start}T00:00:00Z`).getUTCDay()).toBe(1);
      }),
    );
  });
});

describe('monthRange and monthOf', () => {
  it('lose an hour in March and gain one in November in New York', () => {
    const calendar = createBusinessCalendar({ timeZone: 'America/New_York' });
    const march = calendar.monthRange(2024, 3);
    expect(march).toMatchObject({ year: 2024, month: 3, start: '2024-03-01', end: '2024-04-01' });
    expect(march.range.start.toISOString()).toBe('2024-03-01T05:00:00.000Z');
    expect(march.range.end.toISOString()).toBe('2024-04-01T04:00:00.000Z');
    expect(hours(march.range)).toBe(31 * 24 - 1);
    expect(hours(calendar.monthRange(2024, 11).range)).toBe(30 * 24 + 1);
  });

  it('gain an hour in October in Berlin and follow the day start', () => {
    const calendar = createBusinessCalendar({ timeZone: 'Europe/Berlin', dayStart: '04:00' });
    const october = calendar.monthRange(2024, 10);
    expect(october.range.start.toISOString()).toBe('2024-10-01T02:00:00.000Z');
    expect(october.range.end.toISOString()).toBe('2024-11-01T03:00:00.000Z');
    expect(hours(october.range)).toBe(31 * 24 + 1);
  });

  it('find the month of a date, across leap years and year ends', () => {
    const calendar = createBusinessCalendar({ timeZone: 'Asia/Shanghai' });
    expect(calendar.monthOf('2024-02-15')).toMatchObject({
      year: 2024,
      month: 2,
      start: '2024-02-01',
      end: '2024-03-01',
    });
    expect(hours(calendar.monthOf('2024-02-29').range)).toBe(29 * 24);
    expect(hours(calendar.monthOf('2023-02-01').range)).toBe(28 * 24);
    expect(calendar.monthOf('2024-12-31')).toMatchObject({ start: '2024-12-01', end: '2025-01-01' });
  });

  it('reject a month outside 1..12 or a fractional year, naming the field', () => {
    const calendar = createBusinessCalendar({ timeZone: 'Asia/Shanghai' });
    expect(validationPaths(() => calendar.monthRange(2024, 13))).toEqual(['month']);
    expect(validationPaths(() => calendar.monthRange(2024.5, 1))).toEqual(['year']);
    expect(validationPaths(() => calendar.monthRange(9999, 12))).toEqual(['month']);
  });
});

describe('periodRange', () => {
  const calendar = createBusinessCalendar({ timeZone: 'America/New_York', dayStart: '04:00' });

  it('spans from the start of the first day to the start of the exclusive last one', () => {
    const period = calendar.periodRange('2024-03-08', '2024-03-11');
    expect(period.start).toEqual(calendar.dayRange('2024-03-08').start);
    expect(period.end).toEqual(calendar.dayRange('2024-03-10').end);
    expect(hours(period)).toBe(3 * 24 - 1);
  });

  it('is empty from a day to itself and refuses to run backwards', () => {
    expect(hours(calendar.periodRange('2024-03-08', '2024-03-08'))).toBe(0);
    expect(validationPaths(() => calendar.periodRange('2024-03-08', '2024-03-07'))).toEqual(['to']);
    expect(validationPaths(() => calendar.periodRange('2024-3-8' as BusinessDate, '2024-03-07'))).toEqual([
      'from',
    ]);
  });
});
