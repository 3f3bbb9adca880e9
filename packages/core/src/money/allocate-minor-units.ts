/**
 * Splits `total` minor units by integer `weights` so the parts always sum to `total`. Each part
 * first gets its proportional share truncated towards zero; the minor units left over (fewer
 * than the number of weighted parts) then go one at a time to the weighted parts in order,
 * with the sign of `total`. Every part therefore ends within one minor unit of its exact share.
 * Callers guarantee non-negative weights with a positive sum.
 */
export function allocateMinorUnits(total: bigint, weights: readonly bigint[]): bigint[] {
  const weightSum = weights.reduce((sum, w) => sum + w, 0n);
  // BigInt division truncates towards zero, for negative totals too.
  const parts = weights.map((w) => (total * w) / weightSum);
  let remainder = total - parts.reduce((sum, p) => sum + p, 0n);
  const step = remainder < 0n ? -1n : 1n;
  for (let i = 0; i < parts.length && remainder !== 0n; i++) {
    if (weights[i] === 0n) continue;
    parts[i] = parts[i]! + step;
    remainder -= step;
  }
  return parts;
}
