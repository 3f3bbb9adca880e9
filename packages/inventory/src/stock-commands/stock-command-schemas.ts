import { idSchema } from '@retailkit/core';
import { z } from 'zod';

/** Free text kept on ledger entries: at most 500 characters. */
export const stockNoteSchema = z.string().trim().min(1).max(500);

/** The document behind a sale or a return, usually an order or receipt id. */
export const stockReferenceSchema = idSchema;

/** At most this many lines in one stock command. */
export const MAX_STOCK_LINES = 500;
