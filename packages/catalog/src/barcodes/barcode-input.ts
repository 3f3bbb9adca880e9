import { z } from 'zod';
import type { BarcodeSymbology } from './barcode-symbology.js';
import { barcodeSymbologySchema } from './barcode-symbology.js';
import { parseBarcode } from './parse-barcode.js';

/** A barcode to add: the code, and its symbology unless it is a GTIN (inferred from the length). */
export interface BarcodeInput {
  /** The code, e.g. `4006381333931`. */
  readonly barcode: string;
  /** How it is encoded; inferred for GS1 codes when left out, required (`other`) for anything else. */
  readonly symbology?: BarcodeSymbology | undefined;
}

/** The zod fields of a {@link BarcodeInput}, checked against the symbology on path `barcode`. */
export const barcodeFields = {
  barcode: z
    .string()
    .min(1, { message: 'must not be empty', abort: true })
    .max(64, { message: 'must be at most 64 characters', abort: true }),
  symbology: barcodeSymbologySchema.optional(),
};

/** Adds an issue on `barcode` when the code does not fit its symbology. */
export function checkBarcode(input: BarcodeInput, ctx: z.RefinementCtx): void {
  const parsed = parseBarcode(input.barcode, input.symbology);
  if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', path: ['barcode'], message: parsed });
}

/** Validates a {@link BarcodeInput}. */
export const barcodeInputSchema: z.ZodType<BarcodeInput, BarcodeInput> = z
  .strictObject(barcodeFields)
  .superRefine(checkBarcode);
