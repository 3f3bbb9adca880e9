/**
 * Splits `total` minor units by integer `weights` so the parts always sum to `total`. Each part
 * first gets its proportional share truncated towards zero; the minor units left over then go
 * one at a time, in order and with the sign of `total`, to the parts whose share was cut (never
 * to one that was exact). There are always enough of those, since each cut is under one unit.
 * Every part therefore ends strictly within one minor unit of its exact share.
 * Callers guarantee non-negative weights with a positive sum.
 */
export function allocateMinorUnits(total: bigint, weights: readonly bigint[]): bigint[] {
  const weightSum = weights.reduce((sum, w) => sum + w, 0n);
  // BigInt division truncates towards zero, for negative totals too.
  const parts = weights.map((w) => (total * w) / weightSum);
  let remainder = total - parts.reduce((sum, p) => sum + p, 0n);
  const step = remainder < 0n ? -1n : 1n;
  for (let i = 0; i < parts.length && remainder !== 0n; i++) {
    if ((total * weights[i]!) % weightSum === 0n) continue;
    parts[i] = parts[i]! + step;
    remainder -= step;
  }
  return parts;
}
