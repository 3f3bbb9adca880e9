import type { ClaimedOutboxEvent, OutboxEvent, OutboxRepository } from '@retailkit/core';
import { keyOf, type SnapshotState } from './snapshot-state.js';

/**
 * The outbox repository of one transaction, reading and writing its draft state.
 * `assertOpen` throws once the transaction has ended.
 */
export function snapshotOutbox(draft: SnapshotState, assertOpen: () => void): OutboxRepository {
  return {
    async append(events) {
      assertOpen();
      for (const event of events) {
        const streamKey = keyOf(event.stream);
        const streamSeq = (draft.streamSeqs[streamKey] ?? 0) + 1;
        draft.streamSeqs[streamKey] = streamSeq;
        // A copy: the caller may change its object after the commit, the stored event must not.
        draft.events.push({ ...structuredClone(event), position: draft.events.length + 1, streamSeq });
      }
    },

    async claim({ consumer, limit, now, leaseUntil }) {
      assertOpen();
      // Streams with an event under a live lease: their later events wait, to keep stream order.
      const heldBack = new Set<string>();
      const claimed: ClaimedOutboxEvent[] = [];
      // Events are stored in commit order, so position order is each stream's streamSeq order.
      for (const event of draft.events) {
        if (claimed.length >= limit) break;
        const deliveryKey = keyOf(consumer, event.id);
        const delivery = draft.deliveries[deliveryKey];
        if (delivery?.acked || heldBack.has(event.stream)) continue;
        if (delivery !== undefined && delivery.leasedUntil > now.getTime()) {
          heldBack.add(event.stream);
          continue;
        }
        const attempt = (delivery?.attempts ?? 0) + 1;
        draft.deliveries[deliveryKey] = {
          attempts: attempt,
          leasedUntil: leaseUntil.getTime(),
          acked: false,
        };
        claimed.push({ ...structuredClone(event), attempt });
      }
      return claimed;
    },

    async ack(consumer, eventIds) {
      assertOpen();
      const known = new Set(draft.events.map((event) => event.id));
      for (const id of eventIds) {
        if (!known.has(id)) continue; // as the SQL adapter does: unknown ids are ignored
        const deliveryKey = keyOf(consumer, id);
        const delivery = draft.deliveries[deliveryKey] ?? { attempts: 0, leasedUntil: 0, acked: false };
        draft.deliveries[deliveryKey] = { ...delivery, acked: true };
      }
    },

    async readStream(stream, options) {
      assertOpen();
      const afterSeq = options?.afterSeq ?? 0;
      const events: OutboxEvent[] = draft.events.filter(
        (event) => event.stream === stream && event.streamSeq > afterSeq,
      );
      return structuredClone(events);
    },
  };
}
