import { idSchema } from '@retailkit/core';
import { locationIdSchema } from '../shared/inventory-schemas.js';

/**
 * The fields naming an existing count: its id and its location, so the actor is authorised in the
 * count's store before anything is read.
 */
export const countRefShape = {
  /** The count id. */
  countId: idSchema,
  /** The location counted. */
  locationId: locationIdSchema,
};
