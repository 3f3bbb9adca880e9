import { describe, expect, it } from 'vitest';
import { returnShare } from './refund-share.js';

const line = { quantity: '3', net: '1.00', tax: '0.19', returned: '0' };

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('returnShare', () => {
  it('refunds whole lines exactly', () => {
    expect(returnShare(line, '3', 'EUR')).toEqual({ net: '1.00', tax: '0.19' });
  });

  it('refunds one unit at a time so the three refunds sum to the line', () => {
    const steps = ['0', '1', '2'].map((returned) => returnShare({ ...line, returned }, '1', 'EUR'));
    expect(steps).toEqual([
      { net: '0.33', tax: '0.06' },
      { net: '0.33', tax: '0.06' },
      { net: '0.34', tax: '0.07' },
    ]);
  });

  it('refunds the same for two units whether returned together or one by one', () => {
    const together = returnShare(line, '2', 'EUR');
    expect(together).toEqual({ net: '0.66', tax: '0.12' });
  });

  it('handles fractional quantities in three-decimal currencies', () => {
    const kg = { quantity: '0.375', net: '0.469', tax: '0.023', returned: '0' };
    const first = returnShare(kg, '0.125', 'KWD');
    const rest = returnShare({ ...kg, returned: '0.125' }, '0.25', 'KWD');
    expect(first).toEqual({ net: '0.156', tax: '0.007' });
    expect(rest).toEqual({ net: '0.313', tax: '0.016' });
  });

  it('refuses to return more than is left', () => {
    const error = errorOf(() => returnShare({ ...line, returned: '2' }, '2', 'EUR'));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'quantity' }] });
  });
});
