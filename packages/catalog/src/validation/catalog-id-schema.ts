import { z } from 'zod';

/** Most characters a catalog id (category, product, tax class, price list id, SKU code) may have. */
export const MAX_CATALOG_ID_LENGTH = 100;

// No whitespace, no `/` (category paths are `/`-joined ids), no control or format characters, no
// lone surrogates (SQL text columns refuse them). Anything else goes, `%` and `_` included: the
// storage adapters must escape them in LIKE patterns.
const CATALOG_ID = /^[^\s/\p{Cc}\p{Cf}\p{Cs}]+$/u;

/**
 * Validates a catalog id: 1 to 100 characters, no whitespace, no `/`, no control or invisible
 * format characters. Case-sensitive: `A-1` and `a-1` are different ids.
 */
export const catalogIdSchema = z
  .string()
  .min(1, { message: 'must not be empty', abort: true })
  .max(MAX_CATALOG_ID_LENGTH, { message: `must be at most ${MAX_CATALOG_ID_LENGTH} characters`, abort: true })
  .regex(CATALOG_ID, 'must not contain whitespace, "/", control or invisible format characters');
