import type { ClaimedOutboxEvent } from '@retailkit/core';
import { aDomainEvent } from '@retailkit/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlStorage } from '../src/index.js';
import { SQL_TARGETS } from './support/sql-targets.js';
import { targetRuns } from './support/target-suite.js';

const NOW = new Date('2025-03-01T12:00:00.000Z');
const LEASE = new Date('2025-03-01T12:05:00.000Z');

/** Outbox behaviour the conformance suite reaches only through the consumer's retries. */
for (const target of SQL_TARGETS) {
  if (!targetRuns(target)) continue;
  describe(`SQL outbox: ${target.name}`, () => {
    let storage: SqlStorage;
    beforeAll(async () => {
      storage = await target.create();
      await storage.init?.();
    });
    afterAll(async () => {
      await target.teardown(storage);
    });

    /** 16 claims of one event each, at once, each in one transaction with no retry. */
    const racingClaims = async (consumer: string) => {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 16 }, () =>
          storage.transaction((tx) => tx.outbox.claim({ consumer, limit: 1, now: NOW, leaseUntil: LEASE })),
        ),
      );
      const failures = outcomes.flatMap((outcome) =>
        outcome.status === 'rejected' ? [(outcome.reason as Error).message] : [],
      );
      const claimed = outcomes.flatMap((outcome) =>
        outcome.status === 'fulfilled' ? outcome.value.map((event: ClaimedOutboxEvent) => event.id) : [],
      );
      return { failures, claimed };
    };

    it('serialises concurrent claims of one consumer without deadlocks', async () => {
      await storage.transaction((tx) =>
        tx.outbox.append(Array.from({ length: 40 }, (_, i) => aDomainEvent({ stream: `claims-${i}` }))),
      );
      // A new consumer: its row is created by the racing claims themselves.
      const fresh = await racingClaims('fresh');
      expect(fresh.failures).toEqual([]);
      expect(new Set(fresh.claimed).size).toBe(16);
      // A known consumer, as for every poll but the first.
      const known = await racingClaims('fresh');
      expect(known.failures).toEqual([]);
      expect(new Set([...fresh.claimed, ...known.claimed]).size).toBe(32);
    }, 60_000);

    it('appends more events in one transaction than one statement can bind, in order per stream', async () => {
      // 7,000 events over 3,000 streams: ~76,000 parameters, past PostgreSQL's and SQLite's limits.
      const events = Array.from({ length: 7000 }, (_, i) =>
        aDomainEvent({ stream: `bulk-${i % 3000}`, payload: { i } }),
      );
      await storage.transaction((tx) => tx.outbox.append(events));
      const stream = await storage.transaction((tx) => tx.outbox.readStream('bulk-7'));
      expect(stream.map((event) => [event.streamSeq, event.payload])).toEqual([
        [1, { i: 7 }],
        [2, { i: 3007 }],
        [3, { i: 6007 }],
      ]);
      const positions = stream.map((event) => event.position);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }, 60_000);

    it('takes the longest stream names the modules build (stock:<200-char location>:<200-char SKU>)', async () => {
      const stream = `stock:${'L'.repeat(200)}:${'S'.repeat(200)}`;
      await storage.transaction((tx) => tx.outbox.append([aDomainEvent({ stream })]));
      const events = await storage.transaction((tx) => tx.outbox.readStream(stream));
      expect(events.map((event) => [event.stream, event.streamSeq])).toEqual([[stream, 1]]);
    });
  });
}
