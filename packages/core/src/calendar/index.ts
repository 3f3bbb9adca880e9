export { addBusinessDays } from './add-business-days.js';
export type { BusinessCalendar } from './business-calendar.js';
export {
  type BusinessCalendarConfig,
  businessCalendarConfigSchema,
  type Weekday,
} from './business-calendar-config.js';
export { businessCalendarOf } from './business-calendar-of.js';
export { type BusinessDate, businessDateSchema, isBusinessDate } from './business-date.js';
export { createBusinessCalendar } from './create-business-calendar.js';
export type { InstantRange } from './instant-range.js';
export type { IsoWeekRange, MonthRange, WeekRange } from './period-ranges.js';
