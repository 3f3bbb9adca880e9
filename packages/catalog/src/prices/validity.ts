/** A half-open validity `[validFrom, validTo)`; null ends are open. Instants are ISO-8601 UTC strings. */
export type Validity = {
  /** First instant inside, or null for "always has been". */
  readonly validFrom: string | null;
  /** First instant outside, or null for "until further notice". */
  readonly validTo: string | null;
};

/** Whether two validities share an instant. `[a, b)` and `[b, c)` do not: they touch. */
export function validitiesOverlap(a: Validity, b: Validity): boolean {
  const before = (from: string | null, to: string | null) => from === null || to === null || from < to;
  return before(a.validFrom, b.validTo) && before(b.validFrom, a.validTo);
}

/** Whether `at` (ISO-8601 UTC) lies inside a validity: `validFrom <= at < validTo`. */
export function isValidAt(validity: Validity, at: string): boolean {
  return (
    (validity.validFrom === null || validity.validFrom <= at) &&
    (validity.validTo === null || at < validity.validTo)
  );
}

/** A validity for messages: `[2025-03-01T00:00:00.000Z, open)`. */
export function describeValidity(validity: Validity): string {
  return `[${validity.validFrom ?? 'open'}, ${validity.validTo ?? 'open'})`;
}
