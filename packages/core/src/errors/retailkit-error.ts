import type { ErrorCode } from './error-codes.js';

// A brand survives dual ESM/CJS loading, where two copies of a class break `instanceof`.
const BRAND = Symbol.for('retailkit.error');

/** Structured, JSON-friendly facts about an error. */
export type ErrorDetails = Readonly<Record<string, unknown>>;

/** The JSON form of a retailkit error, for logs and API responses. */
export interface RetailKitErrorJson {
  /** The error class name, e.g. `ValidationError`. */
  readonly name: string;
  /** The stable error code. */
  readonly code: ErrorCode;
  /** The human-readable message. */
  readonly message: string;
  /** Structured facts about the failure. */
  readonly details: ErrorDetails;
}

/** A retailkit error narrowed to one code. */
export type RetailKitErrorWithCode<C extends ErrorCode> = RetailKitError & Readonly<Record<'code', C>>;

/** Options accepted by every retailkit error constructor. */
export interface RetailKitErrorOptions {
  /** Structured facts about the failure (field paths, ids, quantities). */
  readonly details?: ErrorDetails;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/** Base class of every error retailkit throws on purpose. Check it with {@link isRetailKitError}. */
export class RetailKitError extends Error {
  /** The stable error code. */
  readonly code: ErrorCode;
  /** Structured facts about the failure. */
  readonly details: ErrorDetails;
  /** Whether running the same command again may succeed (true for conflicts only). */
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: RetailKitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RetailKitError';
    this.code = code;
    this.details = Object.freeze({ ...(options.details ?? {}) });
    this.retryable = false;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** A plain object for logs and API responses; the cause is left out. */
  toJSON(): RetailKitErrorJson {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}

/**
 * Whether `error` is a retailkit error, optionally with a given code. Works across duplicated
 * package copies (ESM and CJS), unlike `instanceof`.
 *
 * @example
 * ```ts
 * try { await run(); } catch (e) { if (isRetailKitError(e, 'INSUFFICIENT_STOCK')) { ... } }
 * ```
 */
export function isRetailKitError<C extends ErrorCode>(
  error: unknown,
  code?: C,
): error is RetailKitErrorWithCode<C> {
  if (typeof error !== 'object' || error === null) return false;
  if ((error as Record<symbol, unknown>)[BRAND] !== true) return false;
  return code === undefined || (error as RetailKitError).code === code;
}
