import { orderIdSchema, storeIdSchema } from './order-schemas.js';

/** The fields naming an order in every command: its store (authorised) and its id. */
export const orderRefShape = {
  /** The order's store: the actor must be allowed in it; an order of another store reads as not found. */
  storeId: storeIdSchema,
  /** The order. */
  orderId: orderIdSchema,
};
