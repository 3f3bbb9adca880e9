/** Every code a retailkit error can carry. Codes are stable: match on them, not on messages. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'INSUFFICIENT_STOCK',
  'INVALID_TRANSITION',
  'FORBIDDEN',
  'IDEMPOTENCY_KEY_REUSE',
  'CURRENCY_MISMATCH',
  'STORAGE_CLOSED',
  'TRANSACTION_CLOSED',
  'CIPHER_KEY_UNKNOWN',
  'CIPHER_DECRYPT_FAILED',
  'INTERNAL',
] as const;

/** A stable error code (string literal union). */
export type ErrorCode = (typeof ERROR_CODES)[number];
