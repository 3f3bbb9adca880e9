export {
  ConflictError,
  CurrencyMismatchError,
  ForbiddenError,
  IdempotencyKeyReuseError,
  InsufficientStockError,
  InvalidTransitionError,
  NotFoundError,
  ValidationError,
  type ValidationIssue,
} from './error-classes.js';
export { ERROR_CODES, type ErrorCode } from './error-codes.js';
export {
  type ErrorDetails,
  isRetailKitError,
  RetailKitError,
  type RetailKitErrorJson,
  type RetailKitErrorOptions,
  type RetailKitErrorWithCode,
} from './retailkit-error.js';
