import type { BusinessCalendar } from './business-calendar.js';
import { createBusinessCalendar } from './create-business-calendar.js';

// Calendars are immutable and cache their day boundaries, so one per zone and day start serves
// every store and command.
const calendars = new Map<string, BusinessCalendar>();

/**
 * The business calendar of a time zone and day start, made once and shared: for code that needs
 * the store-local business day of many events (inventory's ledger, order events).
 */
export function businessCalendarOf(config: {
  readonly timeZone: string;
  readonly dayStart: string;
}): BusinessCalendar {
  const key = `${config.timeZone}\u0000${config.dayStart}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = createBusinessCalendar({ timeZone: config.timeZone, dayStart: config.dayStart });
    calendars.set(key, calendar);
  }
  return calendar;
}
