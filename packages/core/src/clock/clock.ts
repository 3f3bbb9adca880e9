/** The source of "now". Every command takes it from here, never from `Date.now()` directly. */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** The real wall clock. */
export const systemClock: Clock = Object.freeze({ now: () => new Date() });

/** A clock that only moves when told to: for tests, simulations and replays. */
export class FakeClock implements Clock {
  #ms: number;

  /** Starts at `start` (an instant or an ISO-8601 string); defaults to 2025-01-01T00:00:00Z. */
  constructor(start: Date | string = '2025-01-01T00:00:00Z') {
    const ms = new Date(start).getTime();
    if (Number.isNaN(ms)) throw new RangeError(`FakeClock: invalid start instant ${String(start)}`);
    this.#ms = ms;
  }

  /** The current fake instant (a fresh Date each call). */
  now(): Date {
    return new Date(this.#ms);
  }

  /** Moves the clock to `instant`. Moving backwards is allowed, for tests of clock skew. */
  set(instant: Date | string): void {
    const ms = new Date(instant).getTime();
    if (Number.isNaN(ms)) throw new RangeError(`FakeClock: invalid instant ${String(instant)}`);
    this.#ms = ms;
  }

  /** Moves the clock forward by a duration. */
  advance(by: { days?: number; hours?: number; minutes?: number; seconds?: number; ms?: number }): void {
    this.#ms +=
      (by.days ?? 0) * 86_400_000 +
      (by.hours ?? 0) * 3_600_000 +
      (by.minutes ?? 0) * 60_000 +
      (by.seconds ?? 0) * 1000 +
      (by.ms ?? 0);
  }
}
