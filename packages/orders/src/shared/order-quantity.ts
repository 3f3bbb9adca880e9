import { MAX_UNIT_SCALE } from '@retailkit/core';

/** Order quantities are exact decimals held as integers of 10^-9 units (the kit's finest unit scale). */
const SCALE = MAX_UNIT_SCALE;
const FACTOR = 10n ** BigInt(SCALE);

/** A decimal quantity string (`"2"`, `"0.375"`) as an integer count of 10^-9 units. */
export function toNanoUnits(value: string): bigint {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const units = BigInt(whole) * FACTOR + BigInt(fraction.padEnd(SCALE, '0').slice(0, SCALE) || '0');
  return negative ? -units : units;
}

/** An integer count of 10^-9 units as the shortest decimal string (`"2"`, `"0.375"`). */
export function fromNanoUnits(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const whole = abs / FACTOR;
  const fraction = (abs % FACTOR).toString().padStart(SCALE, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** `a + b` of two decimal quantity strings. */
export function addQuantities(a: string, b: string): string {
  return fromNanoUnits(toNanoUnits(a) + toNanoUnits(b));
}

/** `a − b` of two decimal quantity strings. */
export function subtractQuantities(a: string, b: string): string {
  return fromNanoUnits(toNanoUnits(a) - toNanoUnits(b));
}
