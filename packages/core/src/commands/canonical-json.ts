/**
 * Serialises a value as JSON with object keys sorted at every depth, so equal requests hash equally
 * whatever order their fields were written in. `toJSON()` is honoured (Money, Date).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    return sortKeys((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries: [string, unknown][] = [];
    for (const key of Object.keys(value).sort()) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) entries.push([key, sortKeys(child)]);
    }
    // fromEntries defines properties: assigning `sorted.__proto__ = x` would set the prototype and
    // drop the key, so requests differing only under `__proto__` would hash alike.
    return Object.fromEntries(entries);
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}
