/** A half-open span of time `[start, end)`: `start` belongs to it, `end` does not. */
export interface InstantRange {
  /** The first instant in the range. */
  readonly start: Date;
  /** The first instant after the range. */
  readonly end: Date;
}
