import { z } from 'zod';
import { type Clock, systemClock } from '../clock/clock.js';
import { createRuntimeStorage } from '../storage/runtime-storage.js';
import type { CoreRepositories, StorageAdapter } from '../storage/storage-adapter.js';
import { parseInput } from '../validation/parse-input.js';
import type { OutboxEvent } from './domain-event.js';

/** Options of {@link createOutboxConsumer}. */
export interface OutboxConsumerOptions {
  /** The consumer's name; each name keeps its own acknowledgements. */
  readonly consumer: string;
  /** How long polled events stay leased before they are handed out again; default 30 s. */
  readonly leaseMs?: number;
  /** Source of "now"; defaults to the system clock. */
  readonly clock?: Clock;
}

/** Reads the outbox with at-least-once delivery: poll, handle, ack. */
export interface OutboxConsumer {
  /** Leases up to `limit` unacknowledged events, oldest first, keeping per-stream order. */
  poll(limit?: number): Promise<OutboxEvent[]>;
  /** Acknowledges handled events; unacknowledged ones are delivered again after their lease. */
  ack(events: readonly Pick<OutboxEvent, 'id'>[]): Promise<void>;
  /**
   * Polls and hands each event to `handler`, acknowledging after each success, until the outbox
   * is drained or the handler throws (the failed event is redelivered after its lease).
   * Returns how many events were handled.
   */
  drain(handler: (event: OutboxEvent) => Promise<void> | void, batchSize?: number): Promise<number>;
}

const optionsSchema = z.object({
  consumer: z.string().min(1).max(200),
  leaseMs: z.number().int().positive().max(86_400_000),
});
const limitSchema = z.number().int().min(1).max(10_000);

/**
 * Creates an outbox reader for integrations, loyalty or analytics projections.
 *
 * @example
 * ```ts
 * const consumer = createOutboxConsumer(storage, { consumer: 'webhooks' });
 * await consumer.drain(async (event) => publish(event));
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
  const runtime = createRuntimeStorage(storage);
  const clock = options.clock ?? systemClock;

  // async, so a bad limit rejects the returned promise instead of throwing synchronously.
  const poll = async (limit = 100) => {
    const checked = parseInput(limitSchema, limit, 'poll limit');
    const now = clock.now();
    return runtime.transaction((tx) =>
      tx.outbox.claim({ consumer, limit: checked, now, leaseUntil: new Date(now.getTime() + leaseMs) }),
    );
  };
  const ack = async (events: readonly Pick<OutboxEvent, 'id'>[]) => {
    if (events.length === 0) return;
    await runtime.transaction((tx) =>
      tx.outbox.ack(
        consumer,
        events.map((event) => event.id),
      ),
    );
  };

  return {
    poll,
    ack,
    async drain(handler, batchSize = 100) {
      let handled = 0;
      for (;;) {
        const batch = await poll(batchSize);
        if (batch.length === 0) return handled;
        for (const event of batch) {
          await handler(event);
          await ack([event]);
          handled += 1;
        }
      }
    },
  };
}
