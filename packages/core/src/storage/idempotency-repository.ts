import type { JsonValue } from '../json.js';

/** Where an idempotency key lives: keys are unique per store and command, not globally. */
export interface IdempotencyScope {
  /** The store of a command bound to one store; null for chain-wide and multi-store commands. */
  readonly storeId: string | null;
  /** The command name. */
  readonly command: string;
  /** The caller's idempotency key. */
  readonly key: string;
}

/** A command's stored outcome under an idempotency key. */
export interface IdempotencyRecord extends IdempotencyScope {
  /** Hash of the validated request, to detect a different request under the same key. */
  readonly requestHash: string;
  /** The encoded result; null until the claiming transaction completes it. */
  readonly result: JsonValue;
  /** Id of the actor who ran it. */
  readonly actorId: string;
  /** When the key was claimed; purges go by it. */
  readonly createdAt: Date;
}

/**
 * Stores command results by idempotency key. The runner claims a key before the command runs and
 * completes it with the result in the same transaction, so a concurrent duplicate waits on (or
 * conflicts with) the claim instead of running the command a second time.
 */
export interface IdempotencyRepository {
  /** The record under the scope, if a transaction that claimed it has committed. */
  find(scope: IdempotencyScope): Promise<IdempotencyRecord | undefined>;
  /**
   * Claims the key for the current transaction (result null). When the key already exists, or a
   * concurrent transaction holds it, rejects with a retryable ConflictError.
   */
  claim(record: Omit<IdempotencyRecord, 'result'>): Promise<void>;
  /** Stores the result under a key the current transaction claimed. */
  complete(scope: IdempotencyScope, result: JsonValue): Promise<void>;
  /** Deletes records created before `createdBefore` and returns how many went. */
  purge(createdBefore: Date): Promise<number>;
}
