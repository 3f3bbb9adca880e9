import { RetailKitError, type RetailKitErrorOptions } from './retailkit-error.js';

/** One failing field of a rejected input. */
export interface ValidationIssue {
  /** Dotted path of the field, e.g. `lines.0.quantity`; empty for the input as a whole. */
  readonly path: string;
  /** What is wrong with it. */
  readonly message: string;
}

/** The input was rejected before anything changed. `issues` names each failing field. */
export class ValidationError extends RetailKitError {
  /** Each failing field and why. */
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], options: { context?: string; cause?: unknown } = {}) {
    const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    const prefix = options.context ? `Invalid ${options.context}` : 'Invalid input';
    super('VALIDATION_FAILED', `${prefix}: ${summary}`, {
      details: { issues, ...(options.context ? { context: options.context } : {}) },
      cause: options.cause,
    });
    this.name = 'ValidationError';
    this.issues = Object.freeze([...issues]);
  }
}

/** A referenced record does not exist (or is not visible to the actor). */
export class NotFoundError extends RetailKitError {
  constructor(entity: string, id: string, options: RetailKitErrorOptions = {}) {
    super('NOT_FOUND', `${entity} ${JSON.stringify(id)} was not found`, {
      ...options,
      details: { entity, id, ...options.details },
    });
    this.name = 'NotFoundError';
  }
}

/**
 * A concurrent change won (lock timeout, serialization failure, version mismatch). Retryable by
 * default: the command runner runs the whole command again a bounded number of times. Pass
 * `retryable: false` for a conflict that running again cannot fix, such as a stale version the
 * client itself sent.
 */
export class ConflictError extends RetailKitError {
  override readonly retryable: boolean;

  constructor(message: string, options: RetailKitErrorOptions & { retryable?: boolean } = {}) {
    super('CONFLICT', message, options);
    this.name = 'ConflictError';
    this.retryable = options.retryable ?? true;
  }
}

/** Not enough available stock for what was asked, and the backorder policy refuses. */
export class InsufficientStockError extends RetailKitError {
  constructor(message: string, options: RetailKitErrorOptions = {}) {
    super('INSUFFICIENT_STOCK', message, options);
    this.name = 'InsufficientStockError';
  }
}

/** A state machine was asked for a transition its table does not declare from the current state. */
export class InvalidTransitionError extends RetailKitError {
  constructor(from: string, event: string, allowed: readonly string[], options: RetailKitErrorOptions = {}) {
    const list = allowed.length > 0 ? allowed.join(', ') : 'none';
    super('INVALID_TRANSITION', `Cannot ${event} from ${from}; allowed: ${list}`, {
      ...options,
      details: { from, event, allowed, ...options.details },
    });
    this.name = 'InvalidTransitionError';
  }
}

/** The actor lacks the permission, or the store is outside its scope. */
export class ForbiddenError extends RetailKitError {
  constructor(message: string, options: RetailKitErrorOptions = {}) {
    super('FORBIDDEN', message, options);
    this.name = 'ForbiddenError';
  }
}

/** Two amounts in different currencies were combined; retailkit never converts implicitly. */
export class CurrencyMismatchError extends RetailKitError {
  constructor(expected: string, actual: string, options: RetailKitErrorOptions = {}) {
    super('CURRENCY_MISMATCH', `Cannot combine ${expected} with ${actual}`, {
      ...options,
      details: { expected, actual, ...options.details },
    });
    this.name = 'CurrencyMismatchError';
  }
}

/** An idempotency key was used again with a different request. */
export class IdempotencyKeyReuseError extends RetailKitError {
  constructor(key: string, command: string, options: RetailKitErrorOptions = {}) {
    super(
      'IDEMPOTENCY_KEY_REUSE',
      `Idempotency key ${JSON.stringify(key)} was already used for a different ${command} request`,
      { ...options, details: { key, command, ...options.details } },
    );
    this.name = 'IdempotencyKeyReuseError';
  }
}
