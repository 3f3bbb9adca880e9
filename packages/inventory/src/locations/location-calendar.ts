import { type BusinessCalendar, createBusinessCalendar } from '@retailkit/core';
import type { LocationRecord } from '../storage/inventory-records.js';

// Calendars are immutable and cache their day boundaries, so one per zone and day start serves
// every location and command.
const calendars = new Map<string, BusinessCalendar>();

/** The business calendar of a location (its time zone and day start). */
export function calendarOf(location: Pick<LocationRecord, 'timeZone' | 'dayStart'>): BusinessCalendar {
  const key = `${location.timeZone}\u0000${location.dayStart}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = createBusinessCalendar({ timeZone: location.timeZone, dayStart: location.dayStart });
    calendars.set(key, calendar);
  }
  return calendar;
}
