import { z } from 'zod';

/** A day of the week: 0 = Sunday, 1 = Monday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** How a store keeps its days, as given to `createBusinessCalendar`. */
export interface BusinessCalendarConfig {
  /** The store's IANA time zone, e.g. `"Europe/Berlin"`. */
  readonly timeZone: string;
  /** Local wall time `"HH:MM"` at which a business day begins; `"04:00"` puts 01:30 in the previous day. Defaults to `"00:00"`. */
  readonly dayStart?: string;
  /** First day of the week for `weekOf`; defaults to 1 (Monday). */
  readonly weekStartsOn?: Weekday;
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Parses a {@link BusinessCalendarConfig}, filling in the defaults. */
export const businessCalendarConfigSchema = z.object({
  /** The store's IANA time zone. */
  timeZone: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone known to this runtime, e.g. "Europe/Berlin"'),
  /** Local wall time `"HH:MM"` at which a business day begins. */
  dayStart: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time "HH:MM" from 00:00 to 23:59')
    .default('00:00'),
  /** First day of the week: 0 = Sunday … 6 = Saturday. */
  weekStartsOn: z.literal([0, 1, 2, 3, 4, 5, 6], 'must be 0 (Sunday) to 6 (Saturday)').default(1),
});
