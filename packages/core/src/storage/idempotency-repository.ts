import type { JsonValue } from '../json.js';

/** A command's stored outcome under an idempotency key. */
export interface IdempotencyRecord {
  /** The command name; keys are unique per command. */
  readonly command: string;
  /** The caller's idempotency key. */
  readonly key: string;
  /** Hash of the validated request, to detect a different request under the same key. */
  readonly requestHash: string;
  /** The encoded result returned to the first caller. */
  readonly result: JsonValue;
  /** Id of the actor who ran it. */
  readonly actorId: string;
  /** When it was stored. */
  readonly createdAt: Date;
}

/** Stores command results by idempotency key. Used inside the command's transaction. */
export interface IdempotencyRepository {
  /** The record under (command, key), if any. */
  find(command: string, key: string): Promise<IdempotencyRecord | undefined>;
  /**
   * Stores a record. When (command, key) already exists (a concurrent duplicate), throws a
   * retryable ConflictError, so the runner retries and then finds the stored result.
   */
  insert(record: IdempotencyRecord): Promise<void>;
}
