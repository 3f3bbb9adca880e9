import type { JsonValue, OutboxEvent } from '@retailkit/core';

/** A stored idempotency record; `createdAt` is an ISO-8601 string, so the state stays JSON. */
export interface StoredIdempotencyRecord {
  readonly storeId: string | null;
  readonly command: string;
  readonly key: string;
  readonly requestHash: string;
  readonly result: JsonValue;
  readonly actorId: string;
  readonly createdAt: string;
}

/** One consumer's delivery state of one event. */
export interface Delivery {
  /** How many times the consumer has claimed the event. */
  readonly attempts: number;
  /** Epoch milliseconds; the lease is live while this is later than the claim's `now`. */
  readonly leasedUntil: number;
  /** Acknowledged: never claimed by this consumer again. */
  readonly acked: boolean;
}

/**
 * Everything the adapter stores, as one plain object of JSON values: `JSON.stringify` it to a
 * file and hand it back as `initial` to carry on. Maps are records keyed by {@link keyOf}.
 */
export interface SnapshotState {
  /** Idempotency records by `keyOf(storeId, command, key)`. */
  readonly idempotency: Record<string, StoredIdempotencyRecord>;
  /** Every outbox event in commit order; an event's `position` is its index + 1. */
  readonly events: OutboxEvent[];
  /** The last `streamSeq` handed out, by `keyOf(stream)`. */
  readonly streamSeqs: Record<string, number>;
  /** Delivery state by `keyOf(consumer, eventId)`. */
  readonly deliveries: Record<string, Delivery>;
}

/** A state with nothing stored. */
export function emptySnapshot(): SnapshotState {
  return { idempotency: {}, events: [], streamSeqs: {}, deliveries: {} };
}

/**
 * The record key of a tuple: unambiguous for composite keys (`null` is not `"null"`, and no
 * separator can collide) and never a name such as `__proto__` that a plain object treats specially.
 */
export function keyOf(...parts: readonly (string | null)[]): string {
  return JSON.stringify(parts);
}
