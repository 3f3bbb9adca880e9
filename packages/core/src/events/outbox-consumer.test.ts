import { describe, expect, it } from 'vitest';
import { rejection, thrownBy, validationPaths } from '../../test/support/catch-error.js';
import { unused, unusedRepository } from '../../test/support/unused.js';
import { FakeClock } from '../clock/clock.js';
import { ConflictError } from '../errors/error-classes.js';
import { isRetailKitError } from '../errors/retailkit-error.js';
import type { IdempotencyRepository } from '../storage/idempotency-repository.js';
import type { OutboxClaimRequest } from '../storage/outbox-repository.js';
import type { CoreRepositories, StorageAdapter } from '../storage/storage-adapter.js';
import type { ClaimedOutboxEvent, OutboxEvent } from './domain-event.js';
import { createOutboxConsumer, type OutboxConsumerOptions } from './outbox-consumer.js';

/** Event `id` in `stream` (its own stream by default); position and streamSeq are set by the fake. */
function anEvent(id: string, stream = `s-${id}`) {
  return { id, stream };
}

/**
 * A fake outbox that records claims, acks and transactions, with the adapter's semantics: events
 * in the given order, leases per consumer (a claimed event is free again once `now` reaches its
 * lease end), a live lease holding back the later events of its stream, and attempts counting
 * claims. `conflicts` makes the next claims or acks fail with a retryable ConflictError first.
 */
function fakeOutboxStorage(specs: readonly { id: string; stream: string }[]) {
  const seqs = new Map<string, number>();
  const events: OutboxEvent[] = specs.map((spec, i) => {
    const streamSeq = (seqs.get(spec.stream) ?? 0) + 1;
    seqs.set(spec.stream, streamSeq);
    return {
      id: spec.id,
      type: 'test.happened',
      stream: spec.stream,
      storeId: null,
      occurredAt: '2025-03-01T12:00:00.000Z',
      actorId: 'a',
      command: 'test.do',
      payload: { i },
      schemaVersion: 1,
      position: i + 1,
      streamSeq,
    };
  });
  const deliveries = new Map<string, { leasedUntil: number; attempts: number; acked: boolean }>();
  const delivery = (consumer: string, id: string) => deliveries.get(`${consumer}/${id}`);
  const claims: OutboxClaimRequest[] = [];
  const acks: { consumer: string; ids: readonly string[] }[] = [];
  const conflicts = { claim: 0, ack: 0 };
  const failures: { claim?: Error; ack?: Error } = {};
  let transactions = 0;
  let inits = 0;
  const repositories: CoreRepositories = {
    idempotency: unusedRepository<IdempotencyRepository>(),
    outbox: {
      append: unused,
      readStream: unused,
      async claim(request) {
        claims.push(request);
        if (failures.claim) throw failures.claim;
        if (conflicts.claim > 0) {
          conflicts.claim -= 1;
          throw new ConflictError('could not serialize access (claim)');
        }
        const blocked = new Set<string>();
        const claimed: ClaimedOutboxEvent[] = [];
        for (const event of events) {
          if (claimed.length >= request.limit) break;
          const previous = delivery(request.consumer, event.id);
          if (previous?.acked || blocked.has(event.stream)) continue;
          if (previous && previous.leasedUntil > request.now.getTime()) {
            blocked.add(event.stream);
            continue;
          }
          const attempt = (previous?.attempts ?? 0) + 1;
          deliveries.set(`${request.consumer}/${event.id}`, {
            leasedUntil: request.leaseUntil.getTime(),
            attempts: attempt,
            acked: false,
          });
          claimed.push({ ...event, attempt });
        }
        return claimed;
      },
      async ack(consumer, ids) {
        if (failures.ack) throw failures.ack;
        if (conflicts.ack > 0) {
          conflicts.ack -= 1;
          throw new ConflictError('could not serialize access (ack)');
        }
        acks.push({ consumer, ids });
        for (const id of ids) {
          const previous = delivery(consumer, id);
          deliveries.set(`${consumer}/${id}`, {
            leasedUntil: previous?.leasedUntil ?? 0,
            attempts: previous?.attempts ?? 0,
            acked: true,
          });
        }
      },
    },
  };
  const storage: StorageAdapter = {
    name: 'fake-outbox',
    async init() {
      inits += 1;
    },
    transaction(fn) {
      transactions += 1;
      return fn(repositories);
    },
    async close() {},
  };
  return {
    storage,
    claims,
    conflicts,
    failures,
    /** Acknowledged ids, in acknowledgement order. */
    acked: () => acks.flatMap((ack) => ack.ids),
    acks,
    /** When the consumer's lease on the event ends, in ms. */
    leasedUntil: (consumer: string, id: string) => delivery(consumer, id)?.leasedUntil,
    transactions: () => transactions,
    inits: () => inits,
  };
}

const ids = (events: readonly Pick<OutboxEvent, 'id'>[]) => events.map((event) => event.id);
const oneStreamEach = (...names: string[]) => names.map((name) => anEvent(name));

/** Retry options that do not wait, recording the backoffs asked for. */
function instantRetry(maxAttempts = 6) {
  const sleeps: number[] = [];
  return {
    sleeps,
    retry: {
      maxAttempts,
      baseDelayMs: 10,
      random: () => 0.5,
      sleep: async (ms: number) => {
        sleeps.push(ms);
      },
    },
  };
}

describe('createOutboxConsumer options', () => {
  it('rejects a bad consumer name or lease, naming the field', () => {
    const { storage } = fakeOutboxStorage([]);
    const rejected = (options: OutboxConsumerOptions) =>
      validationPaths(() => createOutboxConsumer(storage, options));
    expect(rejected({ consumer: '' })).toEqual(['consumer']);
    expect(rejected({ consumer: 'x'.repeat(201) })).toEqual(['consumer']);
    expect(rejected({ consumer: 'c', leaseMs: 0 })).toEqual(['leaseMs']);
    expect(rejected({ consumer: 'c', leaseMs: 1.5 })).toEqual(['leaseMs']);
    expect(rejected({ consumer: 'c', leaseMs: 86_400_001 })).toEqual(['leaseMs']);
    expect((thrownBy(() => createOutboxConsumer(storage, { consumer: '' })) as Error).message).toMatch(
      /^Invalid outbox consumer options: consumer: /,
    );
  });

  it('rejects bad retry options when created', () => {
    const { storage } = fakeOutboxStorage([]);
    const create = () => createOutboxConsumer(storage, { consumer: 'c', retry: { maxAttempts: 0 } });
    expect(validationPaths(create)).toEqual(['maxAttempts']);
    expect((thrownBy(create) as Error).message).toMatch(/^Invalid retry options: maxAttempts: /);
  });
});

describe('OutboxConsumer.poll', () => {
  it('leases events until now + leaseMs by the injected clock, for this consumer', async () => {
    const fake = fakeOutboxStorage(oneStreamEach('e1', 'e2', 'e3'));
    const clock = new FakeClock('2025-03-01T12:00:00Z');
    const consumer = createOutboxConsumer(fake.storage, { consumer: 'webhooks', leaseMs: 5000, clock });
    const polled = await consumer.poll(2);
    expect(polled.map((event) => [event.id, event.attempt])).toEqual([
      ['e1', 1],
      ['e2', 1],
    ]);
    expect(fake.claims).toEqual([
      {
        consumer: 'webhooks',
        limit: 2,
        now: new Date('2025-03-01T12:00:00Z'),
        leaseUntil: new Date('2025-03-01T12:00:05Z'),
      },
    ]);
  });

  it('asks for 100 events under a 30 s lease by default, initialising the storage first', async () => {
    const fake = fakeOutboxStorage([]);
    const clock = new FakeClock('2025-03-01T12:00:00Z');
    const consumer = createOutboxConsumer(fake.storage, { consumer: 'c', clock });
    expect(fake.inits()).toBe(0);
    await consumer.poll();
    expect(fake.inits()).toBe(1);
    expect(fake.claims[0]).toMatchObject({ limit: 100, leaseUntil: new Date('2025-03-01T12:00:30Z') });
  });

  it('rejects a bad limit without touching storage', async () => {
    const fake = fakeOutboxStorage(oneStreamEach('e1'));
    const consumer = createOutboxConsumer(fake.storage, { consumer: 'c' });
    for (const limit of [0, -1, 1.5, 10_001]) {
      // A rejected promise, not a synchronous throw.
      const attempt = consumer.poll(limit);
      const error = await rejection(attempt);
      expect(isRetailKitError(error, 'VALIDATION_FAILED')).toBe(true);
      expect((error as Error).message).toMatch(/^Invalid poll limit: /);
    }
    expect(fake.transactions()).toBe(0);
  });

  it('passes on the attempt: one more per redelivery, counted per consumer', async () => {
    const fake = fakeOutboxStorage(oneStreamEach('e1'));
    const clock = new FakeClock('2025-03-01T12:00:00Z');
    const webhooks = createOutboxConsumer(fake.storage, { consumer: 'webhooks', leaseMs: 1000, clock });
    expect((await webhooks.poll()).map((event) => event.attempt)).toEqual([1]);
    clock.advance({ seconds: 1 });
    expect((await webhooks.poll()).map((event) => event.attempt)).toEqual([2]);
    const analytics = createOutboxConsumer(fake.storage, { consumer: 'analytics', clock });
    expect((await analytics.poll()).map((event) => event.attempt)).toEqual([1]);
  });

  it('retries a conflicting claim with jittered backoff, leasing from the clock at the retry', async () => {
    const fake = fakeOutboxStorage(oneStreamEach('e1'));
    const clock = new FakeClock('2025-03-01T12:00:00Z');
    const { retry, sleeps } = instantRetry();
    const sleep = async (ms: number) => {
      await retry.sleep(ms);
      clock.advance({ ms });
    };
    const consumer = createOutboxConsumer(fake.storage, {
      consumer: 'c',
      leaseMs: 1000,
      clock,
      retry: { ...retry, sleep },
    });
    fake.conflicts.claim = 2;
    expect(ids(await consumer.poll())).toEqual(['e1']);
    // Full jitter at random 0.5: half of 10 ms, then half of 20 ms.
    expect(sleeps).toEqual([5, 10]);
    expect(fake.claims).toHaveLength(3);
    expect(fake.claims[2]).toMatchObject({
      now: new Date('2025-03-01T12:00:00.015Z'),
      leaseUntil: new Date('2025-03-01T12:00:01.015Z'),
    });
  });

  it('gives up on a claim that keeps conflicting, with a non-retryable ConflictError', async () => {
    const fake = fakeOutboxStorage(oneStreamEach('e1'));
    const { retry } = instantRetry(3);
    const consumer = createOutboxConsumer(fake.storage, { consumer: 'c', retry });
    fake.conflicts.claim = 5;
    const error = await rejection(consumer.poll());
    expect(isRetailKitError(error, 'CONFLICT')).toBe(true);
    expect(error).toMatchObject({
      retryable: false,
      details: { consumer: 'c', operation: 'poll', attempts: 3 },
    });
    expect((error as Error).message).toBe(
      'Outbox poll for c gave up after 3 conflicting attempts: could not serialize access (claim)',
    );
    expect(isRetailKitError((error as Error).cause, 'CONFLICT')).toBe(true);
    expect(fake.claims).toHaveLength(3);
  });

  it('does not retry an error that is not a retryable conflict', async () => {
    const { retry, sleeps } = instantRetry();
    for (const failure of [new Error('connection reset'), new ConflictError('final', { retryable: false })]) {
      let transactions = 0;
      const storage: StorageAdapter = {
        name: 'failing',
        async transaction() {
          transactions += 1;
          throw failure;
        },
        async close() {},
      };
      const consumer = createOutboxConsumer(storage, { consumer: 'c', retry });
      expect(await rejection(consumer.poll())).toBe(failure);
      expect(transactions).toBe(1);
    }
    expect(sleeps).toEqual([]);
  });
});

describe('OutboxConsumer.ack', () => {
  it('acknowledges by id under the consumer name, and skips storage for nothing to ack', async () => {
    const fake = fakeOutboxStorage(oneStreamEach('e1', 'e2'));
    const consumer = createOutboxConsumer(fake.storage, { consumer: 'analytics' });
    await consumer.ack([]);
    expect(fake.transactions()).toBe(0);
    await consumer.ack([{ id: 'e1' }, { id: 'e2' }]);
    expect(fake.acks).toEqual([{ consumer: 'analytics', ids: ['e1', 'e2'] }]);
  });

  it('retries a conflicting ack until it commits', async () => {
    const fake = fakeOutboxStorage(oneStreamEach('e1'));
    const { retry, sleeps } = instantRetry();
    const consumer = createOutboxConsumer(fake.storage, { consumer: 'c', retry });
    fake.conflicts.ack = 1;
    await consumer.ack([{ id: 'e1' }]);
    expect(fake.acks).toEqual([{ consumer: 'c', ids: ['e1'] }]);
    expect(fake.transactions()).toBe(2);
    expect(sleeps).toEqual([5]);
  });
});

describe('OutboxConsumer.drain', () => {
  it('hands every event to the handler in order, across batches, acknowledging each', async () => {
    const fake = fakeOutboxStorage(oneStreamEach('e1', 'e2', 'e3', 'e4', 'e5'));
    const consumer = createOutboxConsumer(fake.storage, { consumer: 'c', clock: new FakeClock() });
    const seen: string[] = [];
    const result = await consumer.drain(
      (event) => {
        // Each earlier event is acknowledged before the next is handled.
        expect(fake.acked()).toEqual(seen);
        seen.push(event.id);
      },
      { batchSize: 2 },
    );
    expect(result).toEqual({ handled: 5, failed: [] });
    expect(seen).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(fake.claims.map((claim) => claim.limit)).toEqual([2, 2, 2, 2]);
  });

  it('polls 10 events at a time by default', async () => {
    const fake = fakeOutboxStorage([]);
    const consumer = createOutboxConsumer(fake.storage, { consumer: 'c' });
    expect(await consumer.drain(() => {})).toEqual({ handled: 0, failed: [] });
    expect(fake.claims.map((claim) => claim.limit)).toEqual([10]);
  });

  it('holds back only the stream of a failing event; the others are drained and the failure returned', async () => {
    // Stream p has a poison event first; a and b are healthy.
    const fake = fakeOutboxStorage([
      anEvent('p1', 'p'),
      anEvent('a1', 'a'),
      anEvent('p2', 'p'),
      anEvent('b1', 'b'),
      anEvent('a2', 'a'),
    ]);
    const clock = new FakeClock('2025-03-01T12:00:00Z');
    const consumer = createOutboxConsumer(fake.storage, { consumer: 'c', clock, leaseMs: 60_000 });
    const failure = new Error('webhook rejects p1');
    const seen: string[] = [];
    const result = await consumer.drain(
      (event) => {
        seen.push(event.id);
        if (event.id === 'p1') throw failure;
      },
      { batchSize: 3 },
    );
    // p2 was in the first batch but never handed over: it must not overtake p1.
    expect(seen).toEqual(['p1', 'a1', 'b1', 'a2']);
    expect(result.handled).toBe(3);
    expect(result.failed).toEqual([
      { event: expect.objectContaining({ id: 'p1', attempt: 1 }), error: failure },
    ]);
    expect(fake.acked()).toEqual(['a1', 'b1', 'a2']);

    // Still leased: nothing is handed out again yet; after the lease, p1 comes first again.
    expect(await consumer.poll()).toEqual([]);
    clock.advance({ seconds: 60 });
    const retried: [string, number][] = [];
    const again = await consumer.drain((event) => {
      retried.push([event.id, event.attempt]);
    });
    expect(again).toEqual({ handled: 2, failed: [] });
    expect(retried).toEqual([
      ['p1', 2],
      ['p2', 2],
    ]);
  });

  it('stops handing over a batch once its lease has run out, and handles the rest from a new poll', async () => {
    const fake = fakeOutboxStorage(oneStreamEach('e1', 'e2', 'e3'));
    const clock = new FakeClock('2025-03-01T12:00:00Z');
    const consumer = createOutboxConsumer(fake.storage, { consumer: 'c', clock, leaseMs: 1000 });
    const seen: [string, number][] = [];
    const result = await consumer.drain((event) => {
      // Never handed an event whose lease another worker could already hold.
      expect(fake.leasedUntil('c', event.id)).toBeGreaterThan(clock.now().getTime());
      seen.push([event.id, event.attempt]);
      // The first handler is slow: it uses up the batch's whole lease.
      if (event.id === 'e1') clock.advance({ ms: 1000 });
    });
    expect(result).toEqual({ handled: 3, failed: [] });
    expect(seen).toEqual([
      ['e1', 1],
      ['e2', 2],
      ['e3', 2],
    ]);
    // After a batch outlived its lease, the drain claims only as many as fitted into one lease,
    // then doubles the batch again while batches fit.
    expect(fake.claims.map((claim) => [claim.now.toISOString(), claim.limit])).toEqual([
      ['2025-03-01T12:00:00.000Z', 10],
      ['2025-03-01T12:00:01.000Z', 1],
      ['2025-03-01T12:00:01.000Z', 2],
      ['2025-03-01T12:00:01.000Z', 4],
    ]);
  });

  it('ends when only failed events keep coming back, however slow the storage', async () => {
    const fake = fakeOutboxStorage([anEvent('f1'), anEvent('f2'), anEvent('f3'), anEvent('ok')]);
    const clock = new FakeClock('2025-03-01T12:00:00Z');
    // Every transaction takes 400 ms: by the time the drain has gone round the failed events,
    // the first one's renewed lease has run out again.
    const slowStorage = {
      ...fake.storage,
      transaction: async <T>(fn: (tx: CoreRepositories) => Promise<T>) => {
        clock.advance({ ms: 400 });
        if (fake.claims.length > 50) throw new Error('drain is going round in circles');
        return fake.storage.transaction(fn);
      },
    };
    const consumer = createOutboxConsumer(slowStorage, { consumer: 'c', clock, leaseMs: 1000 });
    const result = await consumer.drain(
      (event) => {
        if (event.id !== 'ok') throw new Error(`${event.id} is down`);
      },
      { batchSize: 1 },
    );
    expect(result.handled).toBe(1);
    expect(result.failed.map((failure) => failure.event.id)).toEqual(['f1', 'f2', 'f3']);
  });

  it('stops instead of claiming forever when the claim itself outlasts the lease', async () => {
    const fake = fakeOutboxStorage(oneStreamEach('e1', 'e2'));
    const clock = new FakeClock('2025-03-01T12:00:00Z');
    const slowClaims = {
      ...fake.storage,
      transaction: async <T>(fn: (tx: CoreRepositories) => Promise<T>) => {
        const result = await fake.storage.transaction(fn);
        clock.advance({ ms: 1500 });
        return result;
      },
    };
    const consumer = createOutboxConsumer(slowClaims, { consumer: 'c', clock, leaseMs: 1000 });
    const seen: string[] = [];
    expect(await consumer.drain((event) => void seen.push(event.id))).toEqual({ handled: 0, failed: [] });
    expect(seen).toEqual([]);
    expect(fake.claims).toHaveLength(1);
  });

  it('hands an event over at most once per call, even when it fails slower than its lease', async () => {
    const fake = fakeOutboxStorage([anEvent('p1', 'p'), anEvent('a1', 'a'), anEvent('b1', 'b')]);
    const clock = new FakeClock('2025-03-01T12:00:00Z');
    const consumer = createOutboxConsumer(fake.storage, { consumer: 'c', clock, leaseMs: 1000 });
    const seen: string[] = [];
    const result = await consumer.drain(
      (event) => {
        seen.push(event.id);
        if (event.id === 'p1') {
          // Without the guard the drain would never end; end it with a clear failure instead.
          if (seen.indexOf('p1') !== seen.length - 1) fake.failures.claim = new Error('p1 handed over twice');
          clock.advance({ ms: 1500 });
          throw new Error('timed out');
        }
      },
      { batchSize: 1 },
    );
    expect(seen).toEqual(['p1', 'a1', 'b1']);
    expect(result.handled).toBe(2);
    expect(result.failed.map((failure) => failure.event.id)).toEqual(['p1']);
  });

  it('rejects on a storage failure instead of reporting it as a handler failure', async () => {
    const fake = fakeOutboxStorage(oneStreamEach('e1'));
    const consumer = createOutboxConsumer(fake.storage, { consumer: 'c' });
    fake.failures.ack = new Error('connection reset');
    expect(await rejection(consumer.drain(() => {}))).toBe(fake.failures.ack);
  });

  it('rejects a bad batch size before handling anything', async () => {
    const fake = fakeOutboxStorage(oneStreamEach('e1'));
    const consumer = createOutboxConsumer(fake.storage, { consumer: 'c' });
    for (const batchSize of [0, 1.5, 10_001]) {
      const error = await rejection(consumer.drain(() => {}, { batchSize }));
      expect(validationPaths(error)).toEqual(['batchSize']);
      expect((error as Error).message).toMatch(/^Invalid drain options: batchSize: /);
    }
    expect(fake.transactions()).toBe(0);
  });
});
