/*
 * Exact arithmetic on decimal strings (`"1.25"`, `"-3"`, `"0"`) through BigInt on scaled integers.
 * The adapter stores balances it computes in one canonical form: no exponent, no `+`, no leading
 * zeros, no trailing zeros after the point, and `"0"` (never `"-0"`) for zero.
 */

/** A parsed decimal: `units × 10^−scale`. Hot paths parse once, compute on these, and format once. */
export interface ScaledDecimal {
  /** The value times 10^scale. */
  readonly units: bigint;
  /** Decimal places. */
  readonly scale: number;
}

/** Parses a decimal string; throws RangeError unless it is `-?digits(.digits)?`. */
export function parseDecimal(value: string): ScaledDecimal {
  // A hand-rolled scan rather than a regex: this runs for every balance of every stock change.
  const length = value.length;
  const start = value.charCodeAt(0) === 45 ? 1 : 0; // '-'
  let point = -1;
  for (let i = start; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 48 && code <= 57) continue;
    if (code === 46 && point === -1 && i > start && i < length - 1) {
      point = i;
      continue;
    }
    throw new RangeError(`${JSON.stringify(value)} is not a decimal string`);
  }
  if (start === length) throw new RangeError(`${JSON.stringify(value)} is not a decimal string`);
  const digits = start === 0 && point === -1 ? value : value.slice(start, point === -1 ? length : point);
  const units = BigInt(point === -1 ? digits : digits + value.slice(point + 1));
  return { units: start === 1 ? -units : units, scale: point === -1 ? 0 : length - point - 1 };
}

/** A parsed decimal as a canonical decimal string. */
export function formatDecimal(value: ScaledDecimal): string {
  const { units } = value;
  if (units === 0n) return '0';
  const negative = units < 0n;
  let digits = (negative ? -units : units).toString();
  let places = value.scale;
  let end = digits.length;
  while (places > 0 && digits.charCodeAt(end - 1) === 48) {
    end--;
    places--;
  }
  if (end !== digits.length) digits = digits.slice(0, end);
  if (places > 0) {
    digits = digits.padStart(places + 1, '0');
    digits = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  }
  return negative ? `-${digits}` : digits;
}

function rescale(value: ScaledDecimal, scale: number): bigint {
  return value.scale === scale ? value.units : value.units * 10n ** BigInt(scale - value.scale);
}

/** The exact sum of two parsed decimals. */
export function addScaled(a: ScaledDecimal, b: ScaledDecimal): ScaledDecimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

/** The exact difference `a − b` of two parsed decimals. */
export function subtractScaled(a: ScaledDecimal, b: ScaledDecimal): ScaledDecimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) - rescale(b, scale), scale };
}

/** −1, 0 or 1 as the parsed decimal `a` is less than, equal to or greater than `b`. */
export function compareScaled(a: ScaledDecimal, b: ScaledDecimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `value` in canonical form, e.g. `"001.500"` → `"1.5"`, `"-0.0"` → `"0"`; throws RangeError if malformed. */
export function normalizeDecimal(value: string): string {
  return formatDecimal(parseDecimal(value));
}

/** The exact sum `a + b` in canonical form; throws RangeError on a malformed operand. */
export function addDecimal(a: string, b: string): string {
  return formatDecimal(addScaled(parseDecimal(a), parseDecimal(b)));
}

/** The exact difference `a − b` in canonical form; throws RangeError on a malformed operand. */
export function subtractDecimal(a: string, b: string): string {
  return formatDecimal(subtractScaled(parseDecimal(a), parseDecimal(b)));
}

/** −1, 0 or 1 as `a` is less than, equal to or greater than `b`; throws RangeError on a malformed operand. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  return compareScaled(parseDecimal(a), parseDecimal(b));
}

/** Whether `value` is below zero (`"-0"` is not); throws RangeError if malformed. */
export function isNegativeDecimal(value: string): boolean {
  // The same scan as parseDecimal, without building a bigint: this checks untouched balances.
  const length = value.length;
  const start = value.charCodeAt(0) === 45 ? 1 : 0; // '-'
  let point = -1;
  let nonZero = false;
  for (let i = start; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (code !== 48) nonZero = true;
      continue;
    }
    if (code === 46 && point === -1 && i > start && i < length - 1) {
      point = i;
      continue;
    }
    throw new RangeError(`${JSON.stringify(value)} is not a decimal string`);
  }
  if (start === length) throw new RangeError(`${JSON.stringify(value)} is not a decimal string`);
  return start === 1 && nonZero;
}
