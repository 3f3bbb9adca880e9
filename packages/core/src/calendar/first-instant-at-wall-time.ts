import { wallTimeOf, zoneOffsetMs } from './zone-offset.js';

const MS_PER_HOUR = 3_600_000;

// The instant sits within ±14h of the wall time; probing ±36h also sees both sides of any
// transition near it, and the probe in the middle catches two transitions close together.
const PROBES_MS = [-36 * MS_PER_HOUR, 0, 36 * MS_PER_HOUR];

/**
 * The first instant at which the local clock in `timeZone` reads `wallMs` or later (`wallMs` is a
 * wall time on a UTC-based civil timeline). That is the instant reading `wallMs`; the earlier of
 * the two during a DST overlap; and during a DST gap, where `wallMs` never shows, the transition
 * instant that ends the gap.
 */
export function firstInstantAtWallTime(timeZone: string, wallMs: number): number {
  const offsets = new Set(PROBES_MS.map((probe) => zoneOffsetMs(timeZone, wallMs + probe)));
  let earliest = Number.POSITIVE_INFINITY;
  for (const offset of offsets) {
    const candidate = wallMs - offset;
    const actual = zoneOffsetMs(timeZone, candidate);
    if (actual === offset) earliest = Math.min(earliest, candidate);
    // A Set visits values added during iteration, so an offset no probe saw still gets tried.
    else offsets.add(actual);
  }
  if (earliest !== Number.POSITIVE_INFINITY) return earliest;
  return endOfGap(timeZone, wallMs, Math.min(...offsets), Math.max(...offsets));
}

// In a gap the clock jumps from before `wallMs` to after it. Trying the largest offset lands before
// the jump and the smallest after it, so the jump lies in (low, high]: bisect to the millisecond.
function endOfGap(timeZone: string, wallMs: number, minOffset: number, maxOffset: number): number {
  let low = wallMs - maxOffset;
  let high = wallMs - minOffset;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (wallTimeOf(timeZone, middle) > wallMs) high = middle;
    else low = middle;
  }
  return high;
}
