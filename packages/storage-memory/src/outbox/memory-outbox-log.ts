import type { ClaimedOutboxEvent, OutboxEvent } from '@retailkit/core';
import type { MemoryTransaction } from '../transaction/memory-transaction.js';
import { storedEvent } from './stored-event.js';

interface Delivery {
  readonly leasedUntil: number;
  readonly acked: boolean;
  /** How many times the consumer has claimed the event. */
  readonly attempts: number;
}

interface ConsumerState {
  readonly deliveries: Map<string, Delivery>;
  /** Index of the first event not yet acknowledged, so claims skip the acknowledged prefix. */
  firstUnacked: number;
}

/**
 * The outbox's storage: events in commit order (transactions run one at a time, so append order
 * is commit order), per-stream indexes, and per-consumer deliveries.
 */
export class MemoryOutboxLog {
  readonly events: OutboxEvent[] = [];
  readonly #streams = new Map<string, OutboxEvent[]>();
  readonly #consumers = new Map<string, ConsumerState>();
  // Event ids, for ack to ignore unknown ones. Built lazily, up to `#indexed` events, by the acks
  // that need it: appending (every command) then costs no hashing of its ids.
  readonly #byId = new Map<string, number>();
  #indexed = 0;

  /** Appends events with their positions; the transaction's rollback removes them again. */
  append(tx: MemoryTransaction, events: readonly Omit<OutboxEvent, 'position' | 'streamSeq'>[]): void {
    tx.assertOpen();
    for (const event of events) {
      let stream = this.#streams.get(event.stream);
      if (stream === undefined) {
        stream = [];
        this.#streams.set(event.stream, stream);
      }
      const stored = storedEvent(event, this.events.length + 1, stream.length + 1);
      this.events.push(stored);
      stream.push(stored);
      const appendedTo = stream;
      tx.onRollback(() => {
        this.events.pop();
        appendedTo.pop();
        if (this.#indexed > this.events.length) {
          this.#byId.delete(stored.id);
          this.#indexed = this.events.length;
        }
        if (appendedTo.length === 0) this.#streams.delete(event.stream);
      });
    }
  }

  /** A stream's events after `afterSeq`. */
  readStream(stream: string, afterSeq = 0): OutboxEvent[] {
    return (this.#streams.get(stream) ?? []).slice(afterSeq);
  }

  /** Leases the consumer's next deliverable events (see OutboxRepository.claim). */
  claim(
    tx: MemoryTransaction,
    consumer: string,
    limit: number,
    now: number,
    leaseUntil: number,
  ): ClaimedOutboxEvent[] {
    tx.assertOpen();
    const state = this.#consumer(consumer);
    const blocked = new Set<string>();
    const claimed: ClaimedOutboxEvent[] = [];
    for (let i = state.firstUnacked; i < this.events.length && claimed.length < limit; i++) {
      const event = this.events[i] as OutboxEvent;
      const delivery = state.deliveries.get(event.id);
      if (delivery?.acked) continue;
      if (blocked.has(event.stream)) continue;
      if (delivery && delivery.leasedUntil > now) {
        blocked.add(event.stream);
        continue;
      }
      const attempt = (delivery?.attempts ?? 0) + 1;
      state.deliveries.set(event.id, { leasedUntil: leaseUntil, acked: false, attempts: attempt });
      tx.onRollback(() => {
        if (delivery) state.deliveries.set(event.id, delivery);
        else state.deliveries.delete(event.id);
      });
      claimed.push(Object.freeze({ ...event, attempt }));
    }
    return claimed;
  }

  /** Acknowledges events for the consumer; unknown ids are ignored. */
  ack(tx: MemoryTransaction, consumer: string, eventIds: readonly string[]): void {
    tx.assertOpen();
    const state = this.#consumer(consumer);
    const firstBefore = state.firstUnacked;
    for (const id of eventIds) {
      if (!this.#knows(id)) continue;
      const previous = state.deliveries.get(id);
      if (previous?.acked) continue;
      state.deliveries.set(id, {
        leasedUntil: previous?.leasedUntil ?? 0,
        acked: true,
        attempts: previous?.attempts ?? 0,
      });
      tx.onRollback(() => {
        if (previous) state.deliveries.set(id, previous);
        else state.deliveries.delete(id);
      });
    }
    while (
      state.firstUnacked < this.events.length &&
      state.deliveries.get((this.events[state.firstUnacked] as OutboxEvent).id)?.acked
    ) {
      state.firstUnacked++;
    }
    tx.onRollback(() => {
      state.firstUnacked = firstBefore;
    });
  }

  #knows(eventId: string): boolean {
    for (; this.#indexed < this.events.length; this.#indexed++) {
      this.#byId.set((this.events[this.#indexed] as OutboxEvent).id, this.#indexed);
    }
    return this.#byId.has(eventId);
  }

  #consumer(name: string): ConsumerState {
    let state = this.#consumers.get(name);
    if (!state) {
      state = { deliveries: new Map(), firstUnacked: 0 };
      this.#consumers.set(name, state);
    }
    return state;
  }
}
