import type { ClaimedOutboxEvent, DomainEvent, OutboxEvent } from '../events/domain-event.js';

/** A request to lease the next events for a consumer. */
export interface OutboxClaimRequest {
  /** Consumer name; each consumer acknowledges events independently. */
  readonly consumer: string;
  /** At most this many events. */
  readonly limit: number;
  /** The current instant: leases that ended before it are free again. */
  readonly now: Date;
  /** Until when the returned events are leased to this consumer. */
  readonly leaseUntil: Date;
}

/**
 * The transactional outbox. Events appended in a transaction become visible if and only if it
 * commits, ordered by commit within each stream (`streamSeq`). Across streams there is no
 * order promise: `position` is unique and increases within a stream, but a SQL sequence is
 * drawn at insert time, and ordering every append by commit would need one global lock.
 */
export interface OutboxRepository {
  /** Appends events in the current transaction, assigning `position` and `streamSeq`. */
  append(events: readonly DomainEvent[]): Promise<void>;
  /**
   * Leases up to `limit` events the consumer has not acknowledged, oldest first by `position`
   * and each stream's in `streamSeq` order, skipping events under a live lease and, to keep
   * per-stream order, every later event of a stream that has a skipped event. Each returned
   * event carries its `attempt` for this consumer: 1 on its first claim, one more per claim
   * after a lease ran out; a rolled-back claim counts nothing.
   */
  claim(request: OutboxClaimRequest): Promise<ClaimedOutboxEvent[]>;
  /** Marks events as processed by the consumer; they are never claimed by it again. */
  ack(consumer: string, eventIds: readonly string[]): Promise<void>;
  /** Reads a stream's events in order, for audits and tests. */
  readStream(stream: string, options?: { readonly afterSeq?: number }): Promise<OutboxEvent[]>;
}
