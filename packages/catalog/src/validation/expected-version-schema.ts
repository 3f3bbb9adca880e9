import { z } from 'zod';

/** Validates the version a client read before an update: a whole number from 1. */
export const expectedVersionSchema = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1 (versions start at 1)');
