import { idSchema } from '@retailkit/core';
import { z } from 'zod';
import { quantityValueSchema, skuSchema } from '../shared/inventory-schemas.js';

/** Free text kept on ledger entries: at most 500 characters. */
export const stockNoteSchema = z.string().trim().min(1).max(500);

/** The document behind a sale or a return, usually an order or receipt id. */
export const stockReferenceSchema = idSchema;

/** At most this many lines in one stock command. */
export const MAX_STOCK_LINES = 500;

/** The fields every stock command line starts with: a SKU and a quantity greater than zero. */
export const stockLineShape = {
  /** The SKU. */
  sku: skuSchema,
  /** How much, greater than zero. */
  quantity: quantityValueSchema,
};

/** The fields of a command booked against an order or receipt (sales, returns). */
export const orderReferenceShape = {
  /** The order or till receipt, kept on the ledger entries as an `order` reference. */
  reference: stockReferenceSchema.optional(),
  /** Free text for the ledger. */
  note: stockNoteSchema.optional(),
};

/** The `lines` of a stock command: one to {@link MAX_STOCK_LINES} of `line`. */
export function stockLinesSchema<T extends z.ZodType>(line: T): z.ZodArray<T> {
  return z.array(line).min(1).max(MAX_STOCK_LINES);
}

/** The ledger reference of a command booked against an order, as {@link orderReferenceShape} reads it. */
export function orderReference(input: {
  readonly reference?: string | undefined;
  readonly note?: string | undefined;
}): {
  readonly referenceType: string | null;
  readonly referenceId: string | null;
  readonly note: string | null;
} {
  return {
    referenceType: input.reference === undefined ? null : 'order',
    referenceId: input.reference ?? null,
    note: input.note ?? null,
  };
}
