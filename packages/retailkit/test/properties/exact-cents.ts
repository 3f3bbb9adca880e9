// The model keeps money as integer cents (bigint) so its arithmetic is independent of Money.

/** A EUR amount string (`"12.30"`, `"-0.01"`) as integer cents; anything but two decimals fails the test. */
export function toCents(amount: string): bigint {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (!match) throw new Error(`not a two-decimal amount: ${amount}`);
  const cents = BigInt(match[2] as string) * 100n + BigInt(match[3] as string);
  return match[1] === '-' ? -cents : cents;
}

/** Integer cents as the amount string commands take (`"12.30"`). */
export function formatCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** `numerator / denominator` (both ≥ 0) rounded half-up, the kit's default rounding. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** `share` % (1‥100) of `base`, rounded up and at least one unit: a random part of a whole. */
export function partOf(base: bigint, share: number): bigint {
  const part = (base * BigInt(share) + 99n) / 100n;
  return part < 1n ? 1n : part;
}
