import { idSchema } from '@retailkit/core';
import { z } from 'zod';
import { locationIdSchema } from '../shared/inventory-schemas.js';

/**
 * The fields naming an existing transfer: its id and both ends. The ends are part of the input so
 * the actor is authorised in the transfer's stores before anything is read.
 */
export const transferRefShape = {
  /** The transfer id. */
  id: idSchema,
  /** Where it leaves from. */
  fromLocationId: locationIdSchema,
  /** Where it goes. */
  toLocationId: locationIdSchema,
};

/** Input of commands that only name a transfer (request, approve, cancel). */
export const transferRefInput = z.strictObject(transferRefShape);
