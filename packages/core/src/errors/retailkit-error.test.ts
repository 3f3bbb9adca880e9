import { describe, expect, it } from 'vitest';
import { ConflictError, InvalidTransitionError, NotFoundError, ValidationError } from './error-classes.js';
import { isRetailKitError, RetailKitError } from './retailkit-error.js';

describe('isRetailKitError', () => {
  it('recognises retailkit errors by code, not by class identity', () => {
    const error = new NotFoundError('Product', 'sku-1');
    expect(isRetailKitError(error)).toBe(true);
    expect(isRetailKitError(error, 'NOT_FOUND')).toBe(true);
    expect(isRetailKitError(error, 'CONFLICT')).toBe(false);
    expect(isRetailKitError(new Error('plain'))).toBe(false);
    expect(isRetailKitError({ code: 'NOT_FOUND' })).toBe(false);
    expect(isRetailKitError(null)).toBe(false);
  });

  it('recognises an error object from another copy of the package (dual ESM/CJS)', () => {
    const foreign = Object.assign(new Error('from the other build'), { code: 'CONFLICT' });
    Object.defineProperty(foreign, Symbol.for('retailkit.error'), { value: true });
    expect(isRetailKitError(foreign, 'CONFLICT')).toBe(true);
  });
});

describe('error classes', () => {
  it('carry frozen details, a cause and serialise without the cause', () => {
    const cause = new Error('deadlock detected');
    const error = new ConflictError('stock level changed', { cause, details: { sku: 'A' } });
    expect(error.retryable).toBe(true);
    expect(error.cause).toBe(cause);
    expect(Object.isFrozen(error.details)).toBe(true);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'ConflictError',
      code: 'CONFLICT',
      message: 'stock level changed',
      details: { sku: 'A' },
    });
  });

  it('name the failing fields of a validation error in its message', () => {
    const error = new ValidationError(
      [
        { path: 'lines.0.quantity', message: 'must be positive' },
        { path: '', message: 'unknown store' },
      ],
      { context: 'reservation' },
    );
    expect(error.message).toBe('Invalid reservation: lines.0.quantity: must be positive; unknown store');
    expect(error.issues).toHaveLength(2);
    expect(error).toBeInstanceOf(RetailKitError);
  });

  it('list the allowed transitions when one is refused', () => {
    const error = new InvalidTransitionError('draft', 'ship', ['place', 'cancel']);
    expect(error.message).toBe('Cannot ship from draft; allowed: place, cancel');
    expect(error.details).toMatchObject({ from: 'draft', event: 'ship', allowed: ['place', 'cancel'] });
  });
});
