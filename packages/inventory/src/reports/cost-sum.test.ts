import { describe, expect, it } from 'vitest';
import { CostSum } from './cost-sum.js';
import { UnitTotals } from './unit-totals.js';

describe('CostSum', () => {
  it('adds products of any scale exactly and rounds once, half-even', () => {
    const sum = new CostSum()
      .add(1250n, 3, '4.99') // 1.250 kg × 4.99 = 6.2375
      .add(3n, 0, '0.333333') // 0.999999
      .add(-1n, 0, '0.0025'); // −0.0025
    expect(sum.terms).toBe(3);
    expect(sum.toMoney('EUR').toJSON()).toEqual({ amount: '7.23', currency: 'EUR' }); // 7.234999
    expect(sum.toMoney('JPY').toJSON()).toEqual({ amount: '7', currency: 'JPY' });
    expect(sum.toMoney('BHD').toJSON()).toEqual({ amount: '7.235', currency: 'BHD' });
  });

  it('breaks ties to the even neighbour on both sides of zero', () => {
    const money = (units: bigint, cost: string) => new CostSum().add(units, 0, cost).toMoney('EUR').amount;
    expect([money(1n, '0.125'), money(1n, '0.135'), money(-1n, '0.125'), money(-1n, '0.135')]).toEqual([
      '0.12',
      '0.14',
      '-0.12',
      '-0.14',
    ]);
    expect(new CostSum().toMoney('EUR').amount).toBe('0.00');
  });
});

describe('UnitTotals', () => {
  it('sums per unit code at the finest scale added, ordered by code', () => {
    const totals = new UnitTotals()
      .add('kg', 1500n, 3)
      .add('each', 2n, 0)
      .add('kg', 2n, 0)
      .add('each', -5n, 0);
    expect(totals.list()).toEqual([
      { unit: 'each', quantity: '-3' },
      { unit: 'kg', quantity: '3.500' },
    ]);
  });
});
