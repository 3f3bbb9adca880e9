import { describe, expect, it } from 'vitest';
import { readMoney } from './read-money.js';

describe('readMoney', () => {
  it("pads what the engines return to the currency's decimals, as Money#toJSON writes it", () => {
    expect(readMoney('0.500000000000', 'KWD')).toEqual({ amount: '0.500', currency: 'KWD' });
    expect(readMoney('1200.000000000000', 'JPY')).toEqual({ amount: '1200', currency: 'JPY' });
    expect(readMoney('0.5', 'KWD')).toEqual({ amount: '0.500', currency: 'KWD' });
    expect(readMoney('7', 'EUR')).toEqual({ amount: '7.00', currency: 'EUR' });
    expect(readMoney('0', 'EUR')).toEqual({ amount: '0.00', currency: 'EUR' });
    expect(readMoney('-0.5', 'EUR')).toEqual({ amount: '-0.50', currency: 'EUR' });
    expect(readMoney(12, 'USD')).toEqual({ amount: '12.00', currency: 'USD' });
  });

  it('never rounds an amount with more decimals than its currency has', () => {
    expect(readMoney('1.23450', 'EUR')).toEqual({ amount: '1.2345', currency: 'EUR' });
  });
});
