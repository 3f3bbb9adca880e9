import { changedFields } from './changed-fields.js';

/** A stored record's bookkeeping fields. */
interface Versioned {
  /** Its version, 1 when created. */
  readonly version: number;
  /** When it last changed, ISO-8601 UTC. */
  readonly updatedAt: string;
}

/**
 * `current` with `changes` applied as its next version (version + 1, changed `now`), and the
 * names of the fields that differ; none means there is nothing to save.
 */
export function nextVersion<T extends Versioned>(
  current: T,
  changes: Partial<Omit<T, keyof Versioned>>,
  now: Date,
): { readonly next: T; readonly changed: string[] } {
  const next: T = { ...current, ...changes, version: current.version + 1, updatedAt: now.toISOString() };
  return { next, changed: changedFields(current, next) };
}
