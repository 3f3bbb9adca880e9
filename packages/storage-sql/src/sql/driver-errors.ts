import { ConflictError, isRetailKitError } from '@retailkit/core';

// PostgreSQL: serialization_failure, deadlock_detected, lock_not_available.
const POSTGRES_RETRYABLE = new Set(['40001', '40P01', '55P03']);
// MySQL and MariaDB: ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT.
const MYSQL_RETRYABLE = new Set([1213, 1205]);

function field(error: unknown, key: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined;
}

/** The engine's code for a failure the whole transaction may succeed on when retried, if it is one. */
export function retryableDriverCode(error: unknown): string | undefined {
  const code = field(error, 'code');
  const errno = field(error, 'errno');
  if (typeof code === 'string') {
    if (POSTGRES_RETRYABLE.has(code)) return code;
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return code;
  }
  if (typeof errno === 'number' && MYSQL_RETRYABLE.has(errno)) return String(errno);
  return undefined;
}

/** MySQL's duplicate key error (ER_DUP_ENTRY): a statement-level failure the transaction survives. */
export function isMysqlDuplicateKey(error: unknown): boolean {
  return field(error, 'errno') === 1062;
}

/**
 * Turns a database failure that a retry can cure (serialization failure, deadlock, lock timeout,
 * SQLITE_BUSY) into a retryable ConflictError, which the command runner retries; anything else is
 * returned as it was.
 */
export function toStorageError(error: unknown, adapter: string): unknown {
  if (isRetailKitError(error)) return error;
  const code = retryableDriverCode(error);
  if (code === undefined) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ConflictError(`Transaction conflict on ${adapter} (${code}): ${message}`, {
    retryable: true,
    cause: error,
    details: { adapter, driverCode: code },
  });
}
