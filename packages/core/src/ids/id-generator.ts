import { uuidv7 } from 'uuidv7';

/** Produces unique, time-sortable ids. Injected so tests can make them deterministic. */
export interface IdGenerator {
  /** A new unique id. */
  next(): string;
}

/** The default id generator: UUIDv7 (RFC 9562), monotonic within a process. */
export const uuidV7Ids: IdGenerator = Object.freeze({ next: () => uuidv7() });

/** A deterministic generator for tests: `prefix-000001`, `prefix-000002`, ... (sortable). */
export function sequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return {
    next: () => {
      n += 1;
      return `${prefix}-${String(n).padStart(6, '0')}`;
    },
  };
}
