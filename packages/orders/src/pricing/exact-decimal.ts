import { RetailKitError } from '@retailkit/core';

/** A non-negative decimal string held exactly as `units / 10^scale` (`"7.5"` is 75 / 10^1). */
export interface ExactDecimal {
  /** The digits as an integer. */
  readonly units: bigint;
  /** How many of those digits are decimals. */
  readonly scale: number;
}

const NON_NEGATIVE_DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * Reads a non-negative decimal string exactly. Callers validate their input before pricing, so a
 * malformed or negative value here is a programming error (`INTERNAL`), not a user mistake.
 */
export function readExactDecimal(value: string, path: string): ExactDecimal {
  const match = typeof value === 'string' ? NON_NEGATIVE_DECIMAL.exec(value) : null;
  if (match === null) {
    throw new RetailKitError(
      'INTERNAL',
      `Pricing got ${JSON.stringify(value)} at ${path}; expected a non-negative decimal string validated by the caller`,
      { details: { path, value } },
    );
  }
  const [, whole = '0', fraction = ''] = match;
  return { units: BigInt(whole + fraction), scale: fraction.length };
}

/** The decimals as integers on one common scale, so they can be compared, added and divided exactly. */
export function onCommonScale(...values: readonly ExactDecimal[]): bigint[] {
  const scale = Math.max(...values.map((value) => value.scale));
  return values.map((value) => value.units * 10n ** BigInt(scale - value.scale));
}
