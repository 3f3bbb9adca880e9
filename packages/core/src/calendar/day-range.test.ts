import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from './create-business-calendar.js';
import type { InstantRange } from './instant-range.js';

const hours = (range: InstantRange): number => (range.end.getTime() - range.start.getTime()) / 3_600_000;
const iso = (range: InstantRange) => ({ start: range.start.toISOString(), end: range.end.toISOString() });

describe('dayRange in America/New_York', () => {
  it('gives the spring-forward day 23 hours and the fall-back day 25 with midnight day starts', () => {
    const calendar = createBusinessCalendar({ timeZone: 'America/New_York' });
    expect(iso(calendar.dayRange('2024-03-10'))).toEqual({
      start: '2024-03-10T05:00:00.000Z',
      end: '2024-03-11T04:00:00.000Z',
    });
    expect(hours(calendar.dayRange('2024-03-10'))).toBe(23);
    expect(hours(calendar.dayRange('2024-11-03'))).toBe(25);
    expect(hours(calendar.dayRange('2024-03-11'))).toBe(24);
  });

  it('moves the short and long days to the previous date when days start at 04:00', () => {
    const calendar = createBusinessCalendar({ timeZone: 'America/New_York', dayStart: '04:00' });
    // 03-09 04:00 EST to 03-10 04:00 EDT.
    expect(iso(calendar.dayRange('2024-03-09'))).toEqual({
      start: '2024-03-09T09:00:00.000Z',
      end: '2024-03-10T08:00:00.000Z',
    });
    expect(hours(calendar.dayRange('2024-03-09'))).toBe(23);
    expect(hours(calendar.dayRange('2024-03-10'))).toBe(24);
    // 11-02 04:00 EDT to 11-03 04:00 EST.
    expect(iso(calendar.dayRange('2024-11-02'))).toEqual({
      start: '2024-11-02T08:00:00.000Z',
      end: '2024-11-03T09:00:00.000Z',
    });
    expect(hours(calendar.dayRange('2024-11-02'))).toBe(25);
  });

  it('counts the small hours in the previous business day when days start at 04:00', () => {
    const calendar = createBusinessCalendar({ timeZone: 'America/New_York', dayStart: '04:00' });
    expect(calendar.businessDayOf(new Date('2024-03-10T06:30:00Z'))).toBe('2024-03-09'); // 01:30 EST
    expect(calendar.businessDayOf(new Date('2024-03-10T07:59:59.999Z'))).toBe('2024-03-09'); // 03:59 EDT
    expect(calendar.businessDayOf(new Date('2024-03-10T08:00:00Z'))).toBe('2024-03-10'); // 04:00 EDT
  });

  it('starts a day whose start time is skipped by DST at the end of the gap', () => {
    const calendar = createBusinessCalendar({ timeZone: 'America/New_York', dayStart: '02:30' });
    // 02:30 never shows on 2024-03-10: the clock jumps from 02:00 EST to 03:00 EDT (07:00Z).
    expect(calendar.dayRange('2024-03-10').start.toISOString()).toBe('2024-03-10T07:00:00.000Z');
    expect(hours(calendar.dayRange('2024-03-09'))).toBe(23.5);
    expect(calendar.businessDayOf(new Date('2024-03-10T06:59:59.999Z'))).toBe('2024-03-09');
    expect(calendar.businessDayOf(new Date('2024-03-10T07:00:00Z'))).toBe('2024-03-10');
  });

  it('starts a day whose start time shows twice at the first occurrence', () => {
    const calendar = createBusinessCalendar({ timeZone: 'America/New_York', dayStart: '01:30' });
    // 01:30 EDT (05:30Z) comes first; 01:30 EST (06:30Z) is an hour later.
    expect(calendar.dayRange('2024-11-03').start.toISOString()).toBe('2024-11-03T05:30:00.000Z');
    expect(hours(calendar.dayRange('2024-11-03'))).toBe(25);
    // 01:15 EST reads earlier than the day start, yet the day began at 01:30 EDT.
    expect(calendar.businessDayOf(new Date('2024-11-03T06:15:00Z'))).toBe('2024-11-03');
  });
});

describe('dayRange in other zones', () => {
  it('follows Europe/Berlin summer time', () => {
    const calendar = createBusinessCalendar({ timeZone: 'Europe/Berlin' });
    expect(iso(calendar.dayRange('2024-03-31'))).toEqual({
      start: '2024-03-30T23:00:00.000Z',
      end: '2024-03-31T22:00:00.000Z',
    });
    expect(iso(calendar.dayRange('2024-10-27'))).toEqual({
      start: '2024-10-26T22:00:00.000Z',
      end: '2024-10-27T23:00:00.000Z',
    });
  });

  it('follows the 30-minute shifts of Australia/Lord_Howe', () => {
    const calendar = createBusinessCalendar({ timeZone: 'Australia/Lord_Howe' });
    // DST ends 2024-04-07 02:00 (+11) -> 01:30 (+10:30) and starts 2024-10-06 02:00 -> 02:30.
    expect(iso(calendar.dayRange('2024-04-07'))).toEqual({
      start: '2024-04-06T13:00:00.000Z',
      end: '2024-04-07T13:30:00.000Z',
    });
    expect(hours(calendar.dayRange('2024-04-07'))).toBe(24.5);
    expect(hours(calendar.dayRange('2024-10-06'))).toBe(23.5);
    expect(hours(calendar.dayRange('2024-10-05'))).toBe(24);
  });

  it('starts a day at 01:00 where DST skips midnight (America/Santiago)', () => {
    const calendar = createBusinessCalendar({ timeZone: 'America/Santiago' });
    // 2024-09-08 00:00 -04 never shows: the clock reads 01:00 -03 at 04:00Z.
    expect(iso(calendar.dayRange('2024-09-08'))).toEqual({
      start: '2024-09-08T04:00:00.000Z',
      end: '2024-09-09T03:00:00.000Z',
    });
    expect(hours(calendar.dayRange('2024-09-07'))).toBe(24);
    expect(calendar.businessDayOf(new Date('2024-09-08T03:59:59.999Z'))).toBe('2024-09-07');
    expect(calendar.businessDayOf(new Date('2024-09-08T04:00:00Z'))).toBe('2024-09-08');
  });

  it('starts a day at 01:00 where DST skips midnight (America/Havana)', () => {
    const calendar = createBusinessCalendar({ timeZone: 'America/Havana' });
    expect(iso(calendar.dayRange('2024-03-10'))).toEqual({
      start: '2024-03-10T05:00:00.000Z',
      end: '2024-03-11T04:00:00.000Z',
    });
  });

  it('gives a date the zone skipped entirely an empty range and never returns it (Pacific/Apia, 2011)', () => {
    const calendar = createBusinessCalendar({ timeZone: 'Pacific/Apia' });
    expect(iso(calendar.dayRange('2011-12-30'))).toEqual({
      start: '2011-12-30T10:00:00.000Z',
      end: '2011-12-30T10:00:00.000Z',
    });
    expect(calendar.businessDayOf(new Date('2011-12-30T09:59:59.999Z'))).toBe('2011-12-29');
    expect(calendar.businessDayOf(new Date('2011-12-30T10:00:00Z'))).toBe('2011-12-31');
  });

  it('keeps the sign of offsets between -01:00 and 00:00 (Africa/Monrovia, -00:44:30 until 1972)', () => {
    const calendar = createBusinessCalendar({ timeZone: 'Africa/Monrovia' });
    expect(calendar.dayRange('1960-06-01').start.toISOString()).toBe('1960-06-01T00:44:30.000Z');
    expect(calendar.businessDayOf(new Date('1960-06-01T00:30:00Z'))).toBe('1960-05-31');
  });

  it('keeps every day 24 hours long in a zone without DST', () => {
    const calendar = createBusinessCalendar({ timeZone: 'Asia/Shanghai', dayStart: '04:00' });
    expect(iso(calendar.dayRange('2024-03-10'))).toEqual({
      start: '2024-03-09T20:00:00.000Z',
      end: '2024-03-10T20:00:00.000Z',
    });
  });
});
