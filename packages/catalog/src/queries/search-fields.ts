import { z } from 'zod';
import { pageCursorSchema, pageSizeSchema } from '../pagination/page-request-schema.js';
import { catalogStatusSchema } from '../products/catalog-status.js';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { MAX_NAME_LENGTH } from '../validation/catalog-name-schema.js';

/** The zod fields products and SKUs are searched by. */
export const searchFields = {
  namePrefix: z.string().max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`).optional(),
  categoryId: catalogIdSchema.optional(),
  status: catalogStatusSchema.optional(),
  limit: pageSizeSchema.optional(),
  after: pageCursorSchema.optional(),
};
