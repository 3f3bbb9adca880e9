import { type BusinessCalendar, businessCalendarOf } from '@retailkit/core';
import type { LocationRecord } from '../storage/inventory-records.js';

/** The business calendar of a location (its time zone and day start). */
export function calendarOf(location: Pick<LocationRecord, 'timeZone' | 'dayStart'>): BusinessCalendar {
  return businessCalendarOf(location);
}
