/*
 * Stock arithmetic on scaled integers: a quantity of an item with scale s is held as a bigint of
 * 10^-s units (1.250 kg → 1250n at scale 3). Exact, and far cheaper than decimals on the hot path.
 */

/**
 * The quantity `value` (a decimal string, `-?digits(.digits)?`) as a bigint at `scale`, or
 * undefined when it is not a decimal number or has more non-zero decimals than the scale allows.
 */
export function tryToUnits(value: string, scale: number): bigint | undefined {
  // A hand-rolled scan rather than a regex: this reads every balance of every stock change.
  const length = value.length;
  const start = length > 0 && value.charCodeAt(0) === 45 ? 1 : 0; // '-'
  let point = -1;
  for (let i = start; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 48 && code <= 57) continue; // '0'-'9'
    if (code === 46 && point === -1) {
      point = i; // '.'
      continue;
    }
    return undefined;
  }
  let digits: string;
  let decimals = 0;
  if (point === -1) {
    if (length === start) return undefined;
    digits = start === 0 ? value : value.slice(start);
  } else {
    if (point === start || point === length - 1) return undefined;
    let end = length;
    while (value.charCodeAt(end - 1) === 48) end--; // trailing zeros of the fraction
    decimals = end - point - 1;
    digits =
      decimals === 0 ? value.slice(start, point) : value.slice(start, point) + value.slice(point + 1, end);
  }
  if (decimals > scale) return undefined;
  const units = BigInt(decimals === scale ? digits : digits + '0'.repeat(scale - decimals));
  return start === 1 ? -units : units;
}

/** The quantity `value` as a bigint at `scale`; throws on malformed input (stored data is trusted). */
export function toUnits(value: string, scale: number): bigint {
  const units = tryToUnits(value, scale);
  if (units === undefined)
    throw new RangeError(`${JSON.stringify(value)} is not a quantity at scale ${scale}`);
  return units;
}

/** A bigint at `scale` as a decimal string with exactly `scale` decimals, e.g. `1250n, 3` → `"1.250"`. */
export function formatUnits(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = scale === 0 ? digits : digits.slice(0, -scale);
  const text = scale === 0 ? whole : `${whole}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** The smaller of two bigints. */
export function minUnits(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** The larger of two bigints. */
export function maxUnits(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
