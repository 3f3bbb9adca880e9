import { describe, expect, it } from 'vitest';
import { validationPaths } from '../../test/support/catch-error.js';
import { FakeClock } from '../clock/clock.js';
import { parseInput } from '../validation/parse-input.js';
import { businessCalendarConfigSchema } from './business-calendar-config.js';
import type { BusinessDate } from './business-date.js';
import { createBusinessCalendar } from './create-business-calendar.js';

describe('createBusinessCalendar', () => {
  it('defaults to midnight day starts and Monday weeks', () => {
    const calendar = createBusinessCalendar({ timeZone: 'Europe/Berlin' });
    expect({ ...calendar }).toMatchObject({ timeZone: 'Europe/Berlin', dayStart: '00:00', weekStartsOn: 1 });
    expect(parseInput(businessCalendarConfigSchema, { timeZone: 'UTC' })).toEqual({
      timeZone: 'UTC',
      dayStart: '00:00',
      weekStartsOn: 1,
    });
  });

  it('rejects an unknown time zone, naming timeZone', () => {
    expect(validationPaths(() => createBusinessCalendar({ timeZone: 'Mars/Olympus_Mons' }))).toEqual([
      'timeZone',
    ]);
    expect(validationPaths(() => createBusinessCalendar({ timeZone: '' }))).toEqual(['timeZone']);
  });

  it('rejects a day start that is not a time of day, naming dayStart', () => {
    for (const dayStart of ['25:00', '24:00', '4:00', '04:60', '04:00:00']) {
      expect(validationPaths(() => createBusinessCalendar({ timeZone: 'UTC', dayStart }))).toEqual([
        'dayStart',
      ]);
    }
  });

  it('rejects a weekday outside 0..6, naming weekStartsOn', () => {
    const config = { timeZone: 'UTC', weekStartsOn: 7 } as unknown as Parameters<
      typeof createBusinessCalendar
    >[0];
    expect(validationPaths(() => createBusinessCalendar(config))).toEqual(['weekStartsOn']);
  });

  it('rejects impossible dates and invalid instants, naming the argument', () => {
    const calendar = createBusinessCalendar({ timeZone: 'UTC' });
    expect(validationPaths(() => calendar.dayRange('2025-02-30'))).toEqual(['date']);
    expect(validationPaths(() => calendar.weekOf('2025/01/01' as BusinessDate))).toEqual(['date']);
    expect(validationPaths(() => calendar.businessDayOf(new Date(Number.NaN)))).toEqual(['instant']);
    expect(validationPaths(() => calendar.businessDayOf(new Date('+010000-01-01T00:00:00Z')))).toEqual([
      'instant',
    ]);
  });
});

describe('today', () => {
  it('is the business day of the clock’s instant in the store’s zone', () => {
    const calendar = createBusinessCalendar({ timeZone: 'America/New_York', dayStart: '04:00' });
    const clock = new FakeClock('2024-03-10T06:30:00Z'); // 01:30 EST: still Saturday's trading day
    expect(calendar.today(clock)).toBe('2024-03-09');
    clock.advance({ hours: 2 }); // 04:30 EDT
    expect(calendar.today(clock)).toBe('2024-03-10');
  });

  it('differs between stores on opposite sides of the date line', () => {
    const clock = new FakeClock('2024-06-01T11:30:00Z');
    expect(createBusinessCalendar({ timeZone: 'Pacific/Kiritimati' }).today(clock)).toBe('2024-06-02');
    expect(createBusinessCalendar({ timeZone: 'Pacific/Pago_Pago' }).today(clock)).toBe('2024-06-01');
  });
});
