/*
 * Exact decimal arithmetic for SQLite, which stores decimals as text: a value is parsed into a
 * BigInt scaled by a power of ten, computed on, and written back in canonical form (no exponent,
 * no trailing zeros after the point, `0` for zero).
 */

/** A parsed decimal: `units × 10^−scale`. */
export interface ScaledDecimal {
  /** The value times 10^scale. */
  readonly units: bigint;
  /** Decimal places. */
  readonly scale: number;
}

/** Zero. */
export const ZERO: ScaledDecimal = { units: 0n, scale: 0 };

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Parses a decimal string (`-12.500`); throws RangeError on anything else. */
export function parseDecimal(value: string): ScaledDecimal {
  const match = DECIMAL.exec(value);
  if (!match) throw new RangeError(`${JSON.stringify(value)} is not a decimal string`);
  const fraction = match[3] ?? '';
  const units = BigInt(`${match[2]}${fraction}`);
  return { units: match[1] === '-' ? -units : units, scale: fraction.length };
}

function rescale(value: ScaledDecimal, scale: number): bigint {
  return value.scale === scale ? value.units : value.units * 10n ** BigInt(scale - value.scale);
}

/** The exact sum `a + b`. */
export function addScaled(a: ScaledDecimal, b: ScaledDecimal): ScaledDecimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

/** The exact difference `a − b`. */
export function subtractScaled(a: ScaledDecimal, b: ScaledDecimal): ScaledDecimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) - rescale(b, scale), scale };
}

/** −1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compareScaled(a: ScaledDecimal, b: ScaledDecimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A parsed decimal in canonical form: `1.5`, `-3`, `0`. */
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
  digits = digits.slice(0, end);
  if (places > 0) {
    digits = digits.padStart(places + 1, '0');
    digits = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  }
  return negative ? `-${digits}` : digits;
}
