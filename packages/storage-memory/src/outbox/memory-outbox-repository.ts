import type { OutboxRepository } from '@retailkit/core';
import type { MemoryTransaction } from '../transaction/memory-transaction.js';
import type { MemoryOutboxLog } from './memory-outbox-log.js';

/** The outbox repository over the in-memory log, bound to one transaction. */
export function memoryOutboxRepository(log: MemoryOutboxLog, tx: MemoryTransaction): OutboxRepository {
  return {
    async append(events) {
      log.append(tx, events);
    },
    async claim({ consumer, limit, now, leaseUntil }) {
      return log.claim(tx, consumer, limit, now.getTime(), leaseUntil.getTime());
    },
    async ack(consumer, eventIds) {
      log.ack(tx, consumer, eventIds);
    },
    async readStream(stream, options) {
      tx.assertOpen();
      return log.readStream(stream, options?.afterSeq ?? 0);
    },
  };
}
