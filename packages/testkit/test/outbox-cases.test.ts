import type { CoreRepositories, OutboxEvent, OutboxRepository, StorageAdapter } from '@retailkit/core';
import { createMemoryStorage } from '@retailkit/storage-memory';
import { describe, expect, it } from 'vitest';
import { OUTBOX_CONFORMANCE_IDS, outboxConformanceCases } from '../src/conformance/outbox-cases.js';
import { failedChecks, forgetsRollback } from './support/broken-adapters.js';

type Flaw = 'none' | 'racy-appends' | 'racy-claims' | 'no-stream-hold-back' | 'attempts-stuck-at-one';

/** A repository whose every method fails: the outbox checks never use it. */
function unusedRepository<T extends object>(): T {
  return new Proxy({} as T, {
    get: () => () => {
      throw new Error('not used by the outbox checks');
    },
  });
}

/**
 * An outbox without transactions (so it never rolls back) that is otherwise right, except for
 * one flaw: yielding between reading and writing (so concurrent calls collide), not holding back
 * a stream behind its leased event, or never counting attempts.
 */
function flawedOutbox(flaw: Flaw): () => StorageAdapter {
  return () => {
    const events: OutboxEvent[] = [];
    const deliveries = new Map<string, { leasedUntil: number; attempts: number; acked: boolean }>();
    const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
    const outbox: OutboxRepository = {
      async append(drafts) {
        for (const draft of drafts) {
          const streamSeq = events.filter((event) => event.stream === draft.stream).length + 1;
          if (flaw === 'racy-appends') await tick();
          events.push({ ...draft, position: events.length + 1, streamSeq });
        }
      },
      async claim({ consumer, limit, now, leaseUntil }) {
        const blocked = new Set<string>();
        const free: OutboxEvent[] = [];
        for (const event of events) {
          if (free.length >= limit) break;
          const delivery = deliveries.get(`${consumer}/${event.id}`);
          if (delivery?.acked || blocked.has(event.stream)) continue;
          if (delivery && delivery.leasedUntil > now.getTime()) {
            if (flaw !== 'no-stream-hold-back') blocked.add(event.stream);
            continue;
          }
          free.push(event);
        }
        if (flaw === 'racy-claims') await tick();
        return free.map((event) => {
          const key = `${consumer}/${event.id}`;
          const attempt = flaw === 'attempts-stuck-at-one' ? 1 : (deliveries.get(key)?.attempts ?? 0) + 1;
          deliveries.set(key, { leasedUntil: leaseUntil.getTime(), attempts: attempt, acked: false });
          return { ...event, attempt };
        });
      },
      async ack(consumer, ids) {
        for (const id of ids) {
          const key = `${consumer}/${id}`;
          deliveries.set(key, { leasedUntil: 0, attempts: deliveries.get(key)?.attempts ?? 0, acked: true });
        }
      },
      async readStream(stream, options) {
        return events.filter((event) => event.stream === stream).slice(options?.afterSeq ?? 0);
      },
    };
    const repositories: CoreRepositories = { idempotency: unusedRepository(), outbox };
    return { name: `flawed:${flaw}`, transaction: (fn) => fn(repositories), close: async () => {} };
  };
}

const ROLLBACK = 'core.outbox.rolled-back-claim-and-ack-change-nothing';

describe('the outbox conformance checks', () => {
  it('pass on the in-memory adapter', async () => {
    expect(await failedChecks(() => createMemoryStorage(), outboxConformanceCases)).toEqual([]);
  });

  it('catch a claim or ack that is not rolled back', async () => {
    expect(await failedChecks(forgetsRollback, outboxConformanceCases)).toEqual([ROLLBACK]);
  });

  it.each([
    // Without transactions only the rollback check fails: the others fail for their flaw alone.
    ['none', [ROLLBACK]],
    ['racy-appends', ['core.outbox.concurrent-appends-keep-stream-order', ROLLBACK]],
    ['racy-claims', ['core.outbox.concurrent-polls-respect-leases', ROLLBACK]],
    [
      'no-stream-hold-back',
      [
        'core.outbox.concurrent-polls-respect-leases',
        ROLLBACK,
        'core.outbox.poison-event-holds-back-its-stream-only',
      ],
    ],
    ['attempts-stuck-at-one', [ROLLBACK, 'core.outbox.attempts-count-redeliveries']],
  ] as const)('catch an outbox with flaw %s', async (flaw, expected) => {
    expect(await failedChecks(flawedOutbox(flaw), outboxConformanceCases)).toEqual(expected);
  });

  it('have unique, stable ids', () => {
    const ids = outboxConformanceCases.map((check) => check.id);
    expect(ids).toEqual([...OUTBOX_CONFORMANCE_IDS]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^core\.outbox\.[a-z-]+$/);
  });
});
