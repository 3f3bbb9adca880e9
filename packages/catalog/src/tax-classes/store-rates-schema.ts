import { z } from 'zod';
import { catalogIdSchema } from '../validation/catalog-id-schema.js';
import { taxRateSchema } from './tax-rate-schema.js';

/** Validates per-store tax rates: store id → rate, at most 1000 stores. */
export const storeRatesSchema = z
  .record(catalogIdSchema, taxRateSchema)
  .refine((rates) => Object.keys(rates).length <= 1000, 'must name at most 1000 stores');
