import { NotFoundError, ValidationError } from '@retailkit/core';
import { describe, expect, it } from 'vitest';
import { rejection, thrownBy, validationPaths } from '../src/index.js';

describe('error assertions', () => {
  it('return what was thrown or rejected', async () => {
    const error = new NotFoundError('sku', 'A');
    expect(
      thrownBy(() => {
        throw error;
      }),
    ).toBe(error);
    expect(await rejection(Promise.reject(error))).toBe(error);
  });

  it('fail, naming what happened instead', async () => {
    expect(() => thrownBy(() => 42)).toThrow('expected the function to throw, but it returned 42');
    await expect(rejection(Promise.resolve({ id: 'a' }))).rejects.toThrow(
      'expected the promise to reject, but it resolved with {"id":"a"}',
    );
  });

  it('read the issue paths of a ValidationError, caught or thrown', () => {
    const invalid = new ValidationError([
      { path: 'lines.0.sku', message: 'required' },
      { path: 'at', message: 'not a date' },
    ]);
    expect(validationPaths(invalid)).toEqual(['lines.0.sku', 'at']);
    expect(
      validationPaths(() => {
        throw invalid;
      }),
    ).toEqual(['lines.0.sku', 'at']);
    expect(() => validationPaths(new NotFoundError('sku', 'A'))).toThrow(
      'expected a ValidationError (VALIDATION_FAILED), but got NotFoundError: sku "A" was not found',
    );
  });
});
