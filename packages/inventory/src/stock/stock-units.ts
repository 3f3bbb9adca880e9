/*
 * Stock arithmetic on scaled integers: a quantity of an item with scale s is held as a bigint of
 * 10^-s units (1.250 kg → 1250n at scale 3). Exact, and far cheaper than decimals on the hot path.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * The quantity `value` (a decimal string) as a bigint at `scale`, or undefined when it is not a
 * decimal number or has more non-zero decimals than the scale allows.
 */
export function tryToUnits(value: string, scale: number): bigint | undefined {
  const match = DECIMAL.exec(value);
  if (!match) return undefined;
  const [, sign, whole = '0', fraction = ''] = match;
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > scale) return undefined;
  const units = BigInt(whole + trimmed.padEnd(scale, '0'));
  return sign === '-' ? -units : units;
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
