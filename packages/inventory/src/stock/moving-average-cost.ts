/** Decimal places a moving-average unit cost is kept to. */
export const AVERAGE_COST_SCALE = 6;

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** A non-negative decimal string as an integer numerator over 10^decimals. */
function readCost(value: string): { readonly units: bigint; readonly decimals: number } {
  const match = DECIMAL.exec(value);
  if (!match) throw new RangeError(`${JSON.stringify(value)} is not a non-negative decimal cost`);
  const [, whole = '0', fraction = ''] = match;
  return { units: BigInt(whole + fraction), decimals: fraction.length };
}

/** `numerator / denominator` (denominator > 0) rounded half to even. */
function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  if (twice < denominator) return quotient;
  const away = numerator < 0n ? quotient - 1n : quotient + 1n;
  if (twice > denominator) return away;
  return quotient % 2n === 0n ? quotient : away;
}

/** What {@link movingAverageCost} needs: stock before a costed arrival and the arrival itself. */
export interface CostedArrival {
  /** On hand before the arrival, in the item's units (may be negative after backorders). */
  readonly onHand: bigint;
  /** The average unit cost before it, or null when none is known yet. */
  readonly averageCost: string | null;
  /** How much arrives, in the same units as `onHand` (greater than zero). */
  readonly quantity: bigint;
  /** What each unit of the arrival cost, a non-negative decimal string. */
  readonly unitCost: string;
}

/**
 * The moving-average unit cost after stock arrives at a known cost (a receipt, or an adjustment
 * that adds stock with a cost): `(max(onHand, 0) × average + quantity × unitCost) / (max(onHand, 0)
 * + quantity)`, rounded half to even to {@link AVERAGE_COST_SCALE} decimals. Negative stock (sold
 * on backorder) carries no value of its own, so it does not weigh in; without a known average the
 * arrival's cost becomes the average. Exact integer maths: no float ever holds a cost.
 *
 * @example
 * ```ts
 * movingAverageCost({ onHand: 10n, averageCost: '2.00', quantity: 10n, unitCost: '3.00' }); // '2.500000'
 * ```
 */
export function movingAverageCost(arrival: CostedArrival): string {
  const { quantity } = arrival;
  if (quantity <= 0n) throw new RangeError('A costed arrival needs a quantity greater than zero');
  const cost = readCost(arrival.unitCost);
  const held = arrival.onHand > 0n && arrival.averageCost !== null ? arrival.onHand : 0n;
  const average = readCost(arrival.averageCost ?? '0');
  // Bring both costs to one number of decimals, then divide once at the end.
  const decimals = Math.max(cost.decimals, average.decimals);
  const costUnits = cost.units * 10n ** BigInt(decimals - cost.decimals);
  const averageUnits = average.units * 10n ** BigInt(decimals - average.decimals);
  const numerator = (held * averageUnits + quantity * costUnits) * 10n ** BigInt(AVERAGE_COST_SCALE);
  const denominator = (held + quantity) * 10n ** BigInt(decimals);
  return formatCost(divideHalfEven(numerator, denominator));
}

function formatCost(units: bigint): string {
  const digits = units.toString().padStart(AVERAGE_COST_SCALE + 1, '0');
  return `${digits.slice(0, -AVERAGE_COST_SCALE)}.${digits.slice(-AVERAGE_COST_SCALE)}`;
}
