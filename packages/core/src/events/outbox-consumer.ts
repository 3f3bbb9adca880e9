import { z } from 'zod';
import { type Clock, systemClock } from '../clock/clock.js';
import { retryOnConflict } from '../commands/retry-on-conflict.js';
import { type RetryOptions, resolveRetryOptions } from '../commands/retry-options.js';
import { createRuntimeStorage } from '../storage/runtime-storage.js';
import type { CoreRepositories, StorageAdapter } from '../storage/storage-adapter.js';
import { parseInput } from '../validation/parse-input.js';
import type { ClaimedOutboxEvent, OutboxEvent } from './domain-event.js';

/** Options of {@link createOutboxConsumer}. */
export interface OutboxConsumerOptions {
  /** The consumer's name; each name keeps its own acknowledgements. */
  readonly consumer: string;
  /** How long polled events stay leased before they are handed out again; default 30 s. */
  readonly leaseMs?: number;
  /** Source of "now"; defaults to the system clock. */
  readonly clock?: Clock;
  /** How `poll` and `ack` retry a retryable ConflictError; the command runner's defaults. */
  readonly retry?: RetryOptions;
}

/** Options of {@link OutboxConsumer.drain}. */
export interface DrainOptions {
  /** Events leased per poll; default 10. Keep a batch's handling well inside `leaseMs`. */
  readonly batchSize?: number;
}

/** An event whose handler threw during a drain; it stays unacknowledged. */
export interface DrainFailure {
  /** The event, with the attempt that failed. */
  readonly event: ClaimedOutboxEvent;
  /** What the handler threw. */
  readonly error: unknown;
}

/** What {@link OutboxConsumer.drain} did. */
export interface DrainResult {
  /** Events handled and acknowledged. */
  readonly handled: number;
  /** Events whose handler threw, in the order they failed; each is redelivered after its lease. */
  readonly failed: readonly DrainFailure[];
}

/** Reads the outbox with at-least-once delivery: poll, handle, ack. */
export interface OutboxConsumer {
  /** Leases up to `limit` (default 100) unacknowledged events, oldest first, keeping per-stream order. */
  poll(limit?: number): Promise<ClaimedOutboxEvent[]>;
  /** Acknowledges handled events; unacknowledged ones are delivered again after their lease. */
  ack(events: readonly Pick<OutboxEvent, 'id'>[]): Promise<void>;
  /**
   * Polls and hands each event to `handler`, acknowledging after each success, until a claim
   * hands nothing new over. Events may still wait then (leased by another worker, failed earlier
   * in this call, or behind a failed event of their stream): call `drain` again later. A handler that throws holds back only its stream: the event stays unacknowledged
   * (redelivered after its lease), the rest of that stream's batch is left, other streams go on,
   * and the failure is returned. Storage errors reject. An event is handed over at most once per
   * call, and never once its batch's lease has run out by the injected clock.
   */
  drain(
    handler: (event: ClaimedOutboxEvent) => Promise<void> | void,
    options?: DrainOptions,
  ): Promise<DrainResult>;
}

const optionsSchema = z.object({
  consumer: z.string().min(1).max(200),
  leaseMs: z.number().int().positive().max(86_400_000),
});
const MAX_CLAIM = 10_000;
const limitSchema = z.number().int().min(1).max(MAX_CLAIM);
const drainOptionsSchema = z.object({ batchSize: limitSchema });

/**
 * Creates an outbox reader for integrations, loyalty or analytics projections.
 *
 * @example
 * ```ts
 * const consumer = createOutboxConsumer(storage, { consumer: 'webhooks' });
 * const { failed } = await consumer.drain(async (event) => publish(event));
 * ```
 */
export function createOutboxConsumer(
  storage: StorageAdapter<CoreRepositories>,
  options: OutboxConsumerOptions,
): OutboxConsumer {
  const { consumer, leaseMs } = parseInput(
    optionsSchema,
    { consumer: options.consumer, leaseMs: options.leaseMs ?? 30_000 },
    'outbox consumer options',
  );
  const retry = resolveRetryOptions(options.retry);
  const runtime = createRuntimeStorage(storage);
  const clock = options.clock ?? systemClock;

  // A SERIALIZABLE adapter may refuse a claim or ack that raced another worker's; both are safe
  // to run again, as a whole transaction.
  const withRetry = <T>(operation: 'poll' | 'ack', run: () => Promise<T>): Promise<T> =>
    retryOnConflict(`Outbox ${operation} for ${consumer}`, { consumer, operation }, retry, run);

  const claim = (limit: number) =>
    withRetry('poll', () =>
      runtime.transaction(async (tx) => {
        // Read the clock per attempt: a retry after a backoff must not lease into the past.
        const now = clock.now();
        const leaseUntil = new Date(now.getTime() + leaseMs);
        const events = await tx.outbox.claim({ consumer, limit, now, leaseUntil });
        return { events, leaseUntil };
      }),
    );

  // async, so a bad limit rejects the returned promise instead of throwing synchronously.
  const poll = async (limit = 100) => {
    const checked = parseInput(limitSchema, limit, 'poll limit');
    return (await claim(checked)).events;
  };
  const ack = async (events: readonly Pick<OutboxEvent, 'id'>[]) => {
    if (events.length === 0) return;
    const ids = events.map((event) => event.id);
    await withRetry('ack', () => runtime.transaction((tx) => tx.outbox.ack(consumer, ids)));
  };

  return {
    poll,
    ack,
    async drain(handler, drainOptions = {}) {
      const { batchSize } = parseInput(
        drainOptionsSchema,
        { batchSize: drainOptions.batchSize ?? 10 },
        'drain options',
      );
      let handled = 0;
      const failed: DrainFailure[] = [];
      const failedIds = new Set<string>();
      const reclaimed = new Set<string>();
      let limit = batchSize;
      for (;;) {
        const batch = await claim(limit);
        if (batch.events.length === 0) break;
        const heldBack = new Set<string>();
        let handedOver = 0;
        let leaseRanOut = false;
        for (const event of batch.events) {
          // Past the lease, another worker may already hold these events: leave them to it.
          if (clock.now().getTime() >= batch.leaseUntil.getTime()) {
            leaseRanOut = true;
            break;
          }
          if (heldBack.has(event.stream)) continue;
          // Failed earlier in this call and claimed again because its lease ran out while
          // draining: leave it for the next call (re-claiming renewed its lease), so a handler
          // that fails slower than the lease cannot keep one drain busy forever.
          if (failedIds.has(event.id)) {
            heldBack.add(event.stream);
            continue;
          }
          handedOver += 1;
          try {
            await handler(event);
          } catch (error) {
            failed.push({ event, error });
            failedIds.add(event.id);
            heldBack.add(event.stream);
            continue;
          }
          await ack([event]);
          handled += 1;
        }
        if (handedOver === 0) {
          // The claim itself outlasted the lease: claiming again would only repeat that.
          if (leaseRanOut) break;
          // Only events that failed earlier in this call (or wait behind one) came back. Their
          // leases are renewed now, so the next claim can reach other events; but once such a
          // batch repeats itself, claiming goes round in circles: stop.
          if (batch.events.every((event) => reclaimed.has(event.id))) break;
          for (const event of batch.events) reclaimed.add(event.id);
          // Claim past them next time, so they cannot crowd out events not yet handed over.
          limit = Math.min(MAX_CLAIM, limit + batch.events.length);
          continue;
        }
        // After a batch outlived its lease, claim no more than fitted into one lease, so events are
        // not claimed (and their attempt counted) again and again without being handed over; grow
        // back once batches fit again.
        limit = leaseRanOut ? handedOver : Math.min(batchSize, limit * 2);
      }
      return { handled, failed };
    },
  };
}
