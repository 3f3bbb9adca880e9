import { z } from 'zod';

/** The page size when a search leaves `limit` out. */
export const DEFAULT_PAGE_SIZE = 50;

/** The largest page a search returns. */
export const MAX_PAGE_SIZE = 500;

/** Validates a page size: a whole number from 1 to {@link MAX_PAGE_SIZE}. */
export const pageSizeSchema = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`);

/** Validates a cursor as sent back by a caller; decoding happens in the query. */
export const pageCursorSchema = z.string().min(1, 'must not be empty').max(2000, 'is too long');
