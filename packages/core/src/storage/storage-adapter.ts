import type { IdempotencyRepository } from './idempotency-repository.js';
import type { OutboxRepository } from './outbox-repository.js';

/** The repositories every adapter provides inside a transaction. Modules extend this. */
export interface CoreRepositories {
  /** Command results by idempotency key. */
  readonly idempotency: IdempotencyRepository;
  /** The transactional outbox. */
  readonly outbox: OutboxRepository;
}

/** Options for one transaction. */
export interface TransactionOptions {
  /**
   * The transaction only reads; adapters may use a cheaper mode, but it must still read one
   * consistent snapshot (SQL: REPEATABLE READ or snapshot isolation, not READ COMMITTED), because
   * queries such as inventory's `verifyStock` compare several tables and must not see a write
   * half-applied between them.
   */
  readonly readOnly?: boolean;
}

/**
 * The storage port. An adapter implements the repositories of the modules it supports and runs
 * callbacks in all-or-nothing transactions. Business rules never live in adapters.
 */
export interface StorageAdapter<R extends CoreRepositories = CoreRepositories> {
  /** A short name for logs and test titles, e.g. `memory` or `sql:postgres`. */
  readonly name: string;
  /** Prepares the backend (e.g. runs migrations). Called once, lazily, by the runtime wrapper. */
  init?(): Promise<void>;
  /**
   * Runs `fn` in one transaction: commits when it resolves, rolls back when it throws. Conflicts
   * (serialization failure, deadlock, lock timeout, version mismatch) reject with a retryable
   * ConflictError.
   */
  transaction<T>(fn: (tx: R) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Releases connections and resources. */
  close(): Promise<void>;
}
