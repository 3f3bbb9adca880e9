import { describe, expect, it } from 'vitest';
import { movingAverageCost } from './moving-average-cost.js';

describe('movingAverageCost', () => {
  it('weighs what is on hand against what arrives', () => {
    expect(movingAverageCost({ onHand: 10n, averageCost: '2.00', quantity: 10n, unitCost: '3.00' })).toBe(
      '2.500000',
    );
    expect(movingAverageCost({ onHand: 1000n, averageCost: '4', quantity: 500n, unitCost: '7' })).toBe(
      '5.000000',
    );
  });

  it('takes the arrival cost when nothing (or less than nothing) is on hand or no average is known', () => {
    expect(movingAverageCost({ onHand: 0n, averageCost: '9.99', quantity: 3n, unitCost: '1.25' })).toBe(
      '1.250000',
    );
    expect(movingAverageCost({ onHand: -4n, averageCost: '9.99', quantity: 3n, unitCost: '1.25' })).toBe(
      '1.250000',
    );
    expect(movingAverageCost({ onHand: 5n, averageCost: null, quantity: 3n, unitCost: '2' })).toBe(
      '2.000000',
    );
  });

  it('rounds half to even at six decimals', () => {
    // 1/3 → 0.333333
    expect(movingAverageCost({ onHand: 2n, averageCost: '0', quantity: 1n, unitCost: '1' })).toBe('0.333333');
    // (1 × 0.0000005 + 1 × 0.000002) / 2 = 0.00000125 → 0.000001
    expect(
      movingAverageCost({ onHand: 1n, averageCost: '0.0000005', quantity: 1n, unitCost: '0.000002' }),
    ).toBe('0.000001');
    // 0.0000025 → 0.000002 (half to even), 0.0000035 → 0.000004
    expect(movingAverageCost({ onHand: 1n, averageCost: '0', quantity: 1n, unitCost: '0.000005' })).toBe(
      '0.000002',
    );
    expect(movingAverageCost({ onHand: 1n, averageCost: '0', quantity: 1n, unitCost: '0.000007' })).toBe(
      '0.000004',
    );
  });

  it('refuses an arrival of nothing', () => {
    expect(() => movingAverageCost({ onHand: 1n, averageCost: '1', quantity: 0n, unitCost: '1' })).toThrow(
      RangeError,
    );
  });
});
