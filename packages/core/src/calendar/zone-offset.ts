import { tzOffset } from '@date-fns/tz';

const MS_PER_MINUTE = 60_000;
const longOffsetFormats = new Map<string, Intl.DateTimeFormat>();

/** UTC offset of `timeZone` at `instantMs`, in whole milliseconds (local wall time = instant + offset). */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const minutes = tzOffset(timeZone, new Date(instantMs));
  // @date-fns/tz 1.5 loses the sign of offsets strictly between -01:00 and 00:00 ("GMT-00:44:30",
  // Africa/Monrovia until 1972), so a small positive result is checked against Intl itself.
  if (minutes > 0 && minutes < 60 && isNegativeOffset(timeZone, instantMs)) {
    return -Math.round(minutes * MS_PER_MINUTE);
  }
  return Math.round(minutes * MS_PER_MINUTE);
}

function isNegativeOffset(timeZone: string, instantMs: number): boolean {
  let format = longOffsetFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    longOffsetFormats.set(timeZone, format);
  }
  return format.format(instantMs).includes('GMT-');
}

/** The local wall time of `instantMs` in `timeZone`, as milliseconds of a UTC-based civil timeline. */
export function wallTimeOf(timeZone: string, instantMs: number): number {
  return instantMs + zoneOffsetMs(timeZone, instantMs);
}
