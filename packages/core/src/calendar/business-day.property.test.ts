import { tzScan } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays } from './add-business-days.js';
import type { BusinessDate } from './business-date.js';
import { createBusinessCalendar } from './create-business-calendar.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FROM = Date.UTC(2000, 0, 1);
const TO = Date.UTC(2041, 0, 1);

// --- An oracle that knows nothing of offsets: it only reads wall-clock parts from Intl. ---

const wallClocks = new Map<string, (instant: number) => number>();

/** The local wall time of an instant, read from Intl's date parts, as a UTC-based civil timestamp. */
function wallClock(timeZone: string): (instant: number) => number {
  let read = wallClocks.get(timeZone);
  if (read === undefined) {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    read = (instant) => {
      const parts: Record<string, number> = {};
      for (const part of format.formatToParts(instant)) parts[part.type] = Number(part.value);
      const { year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0 } = parts;
      return (
        Date.UTC(year, month - 1, day, hour, minute, second) + (instant - Math.floor(instant / 1000) * 1000)
      );
    };
    wallClocks.set(timeZone, read);
  }
  return read;
}

function dayStartTarget(date: BusinessDate, dayStart: string): number {
  const [hours = 0, minutes = 0] = dayStart.split(':').map(Number);
  return Date.parse(`${date}T00:00:00Z`) + hours * HOUR + minutes * MINUTE;
}

/**
 * The first instant whose wall clock reads `date` at `dayStart` or later: the instant showing it,
 * the earlier one in an overlap, the end of the gap when it is skipped. Found by walking the clock
 * forward minute by minute (transitions fall on whole minutes), then bisecting a gap to the ms.
 */
function oracleDayStart(timeZone: string, date: BusinessDate, dayStart: string): number {
  const wall = wallClock(timeZone);
  const target = dayStartTarget(date, dayStart);
  // Offsets stay within ±14h and clocks never fall back 3h, so nothing before here reaches target.
  let t = target - 15 * HOUR;
  while (wall(t + 15 * MINUTE) < target - 3 * HOUR) t += 15 * MINUTE;
  while (wall(t) < target) t += MINUTE;
  if (wall(t) === target) return t;
  let low = t - MINUTE;
  while (t - low > 1) {
    const middle = Math.floor((low + t) / 2);
    if (wall(middle) >= target) t = middle;
    else low = middle;
  }
  return t;
}

// --- Sampling: uniform over 2000..2040, and half of the runs near a DST transition. ---

const transitionsCache = new Map<string, number[]>();
function transitions(timeZone: string): number[] {
  let found = transitionsCache.get(timeZone);
  if (found === undefined) {
    found = tzScan(timeZone, { start: new Date(FROM), end: new Date(TO) }).map((change) =>
      change.date.getTime(),
    );
    transitionsCache.set(timeZone, found);
  }
  return found;
}

function instants(timeZone: string): fc.Arbitrary<number> {
  const uniform = fc.integer({ min: FROM, max: TO - 1 });
  const near = transitions(timeZone);
  if (near.length === 0) return uniform;
  const nearTransition = fc
    .tuple(fc.constantFrom(...near), fc.integer({ min: -30 * HOUR, max: 30 * HOUR }))
    .map(([transition, shift]) => transition + shift);
  return fc.oneof(uniform, nearTransition, fc.constantFrom(...near));
}

function businessDates(timeZone: string): fc.Arbitrary<BusinessDate> {
  return instants(timeZone).map(
    (instant) => new Date(Math.floor(instant / DAY) * DAY).toISOString().slice(0, 10) as BusinessDate,
  );
}

// --- The acceptance criteria. ---

const DAY_LENGTHS: Record<string, readonly number[]> = {
  'America/New_York': [23 * HOUR, 24 * HOUR, 25 * HOUR],
  'Europe/Berlin': [23 * HOUR, 24 * HOUR, 25 * HOUR],
  'Asia/Shanghai': [24 * HOUR],
  'Australia/Lord_Howe': [23.5 * HOUR, 24 * HOUR, 24.5 * HOUR],
};

const cases: { timeZone: string; dayStart: string; lengths?: readonly number[] }[] = [];
for (const [timeZone, lengths] of Object.entries(DAY_LENGTHS)) {
  for (const dayStart of ['00:00', '04:00']) cases.push({ timeZone, dayStart, lengths });
}
// Day starts inside a DST gap and inside a DST overlap exercise both resolution rules.
cases.push(
  { timeZone: 'America/New_York', dayStart: '02:30' },
  { timeZone: 'America/New_York', dayStart: '01:30' },
  { timeZone: 'Australia/Lord_Howe', dayStart: '02:15' },
  { timeZone: 'Australia/Lord_Howe', dayStart: '01:45' },
);

describe.each(cases)('business days in $timeZone starting $dayStart', ({ timeZone, dayStart, lengths }) => {
  const calendar = createBusinessCalendar({ timeZone, dayStart });

  it('put every instant in exactly one business day, the one the wall clock says', () => {
    fc.assert(
      fc.property(instants(timeZone), (at) => {
        const instant = new Date(at);
        const day = calendar.businessDayOf(instant);
        const { start, end } = calendar.dayRange(day);
        expect(start.getTime()).toBeLessThanOrEqual(at);
        expect(end.getTime()).toBeGreaterThan(at);
        // Neighbours share boundaries, so no other day can hold the instant.
        expect(calendar.dayRange(addBusinessDays(day, -1)).end).toEqual(start);
        expect(calendar.dayRange(addBusinessDays(day, 1)).start).toEqual(end);
        expect(oracleDayStart(timeZone, day, dayStart)).toBeLessThanOrEqual(at);
        expect(oracleDayStart(timeZone, addBusinessDays(day, 1), dayStart)).toBeGreaterThan(at);
      }),
    );
  });

  it('give each day the length the zone rules give it', () => {
    const wall = wallClock(timeZone);
    fc.assert(
      fc.property(businessDates(timeZone), (day) => {
        const next = addBusinessDays(day, 1);
        const { start, end } = calendar.dayRange(day);
        for (const [date, instant] of [
          [day, start.getTime()],
          [next, end.getTime()],
        ] as const) {
          const target = dayStartTarget(date, dayStart);
          const readsDayStart = wall(instant) === target;
          const firstAfterGap = wall(instant - 1) < target && wall(instant) > target;
          expect(readsDayStart || firstAfterGap).toBe(true);
        }
        expect(start.getTime()).toBe(oracleDayStart(timeZone, day, dayStart));
        expect(end.getTime()).toBe(oracleDayStart(timeZone, next, dayStart));
        if (lengths !== undefined) expect(lengths).toContain(end.getTime() - start.getTime());
      }),
    );
  });
});
