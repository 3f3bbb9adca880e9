import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRetailKitError } from '../errors/retailkit-error.js';
import { addBusinessDays } from './add-business-days.js';
import { type BusinessDate, businessDateSchema, isBusinessDate } from './business-date.js';

describe('businessDateSchema', () => {
  it('accepts real calendar dates, leap days included', () => {
    for (const date of ['2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2025-12-31']) {
      expect(businessDateSchema.parse(date)).toBe(date);
    }
  });

  it('rejects dates that do not exist or are not written YYYY-MM-DD', () => {
    for (const date of ['2025-02-30', '2023-02-29', '1900-02-29', '2025-04-31', '2025-13-01', '0000-01-01']) {
      expect(businessDateSchema.safeParse(date).error?.issues[0]?.message).toMatch(/real calendar date/);
    }
    for (const date of ['2025-1-01', '20250101', '2025-01-01T00:00', ' 2025-01-01']) {
      expect(businessDateSchema.safeParse(date).error?.issues[0]?.message).toMatch(/YYYY-MM-DD/);
    }
    expect(businessDateSchema.safeParse(20250101).success).toBe(false);
    expect(isBusinessDate('2025-02-28')).toBe(true);
    expect(isBusinessDate('2025-02-29')).toBe(false);
  });
});

describe('addBusinessDays', () => {
  it('counts every calendar day, weekends and leap days included', () => {
    expect(addBusinessDays('2024-03-08', 1)).toBe('2024-03-09'); // Friday -> Saturday
    expect(addBusinessDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addBusinessDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addBusinessDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addBusinessDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addBusinessDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  it('undoes itself and composes', () => {
    const dates = fc
      .integer({
        min: Date.UTC(1, 0, 1) / 86_400_000 + 2000,
        max: Date.UTC(9999, 11, 31) / 86_400_000 - 2000,
      })
      .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10) as BusinessDate);
    const steps = fc.integer({ min: -1000, max: 1000 });
    fc.assert(
      fc.property(dates, steps, steps, (date, a, b) => {
        expect(isBusinessDate(addBusinessDays(date, a))).toBe(true);
        expect(addBusinessDays(addBusinessDays(date, a), -a)).toBe(date);
        expect(addBusinessDays(addBusinessDays(date, a), b)).toBe(addBusinessDays(date, a + b));
      }),
    );
  });

  it('rejects fractional counts and results past 9999-12-31, naming n', () => {
    for (const run of [() => addBusinessDays('2024-01-01', 1.5), () => addBusinessDays('9999-12-31', 1)]) {
      try {
        run();
        expect.unreachable();
      } catch (error) {
        expect(isRetailKitError(error, 'VALIDATION_FAILED')).toBe(true);
        expect((error as unknown as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['n']);
      }
    }
  });
});
