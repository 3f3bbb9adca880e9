import { describe, expect, it } from 'vitest';
import { rejection, thrownBy, validationPaths } from '../../test/support/catch-error.js';
import { FakeClock } from '../clock/clock.js';
import { isRetailKitError } from '../errors/retailkit-error.js';
import type { OutboxClaimRequest } from '../storage/outbox-repository.js';
import type { CoreRepositories, StorageAdapter } from '../storage/storage-adapter.js';
import type { OutboxEvent } from './domain-event.js';
import { createOutboxConsumer, type OutboxConsumerOptions } from './outbox-consumer.js';

function unused(): never {
  throw new Error('not used by the outbox consumer');
}

function anEvent(n: number): OutboxEvent {
  return {
    id: `e${n}`,
    type: 'test.happened',
    stream: `s${n}`,
    storeId: null,
    occurredAt: '2025-03-01T12:00:00.000Z',
    actorId: 'a',
    command: 'test.do',
    payload: { n },
    schemaVersion: 1,
    position: n,
    streamSeq: 1,
  };
}

/**
 * A fake outbox for one consumer that records claims, acks and transactions. Leases: a claimed
 * event is handed out again once `now` reaches its lease end, until acknowledged.
 */
function fakeOutboxStorage(count: number) {
  const events = Array.from({ length: count }, (_, i) => anEvent(i + 1));
  const leasedUntil = new Map<string, number>();
  const acked = new Set<string>();
  const claims: OutboxClaimRequest[] = [];
  const acks: { consumer: string; ids: readonly string[] }[] = [];
  let transactions = 0;
  let inits = 0;
  const repositories: CoreRepositories = {
    idempotency: { find: unused, insert: unused },
    outbox: {
      append: unused,
      readStream: unused,
      async claim(request) {
        claims.push(request);
        const free = events.filter(
          (event) => !acked.has(event.id) && (leasedUntil.get(event.id) ?? 0) <= request.now.getTime(),
        );
        const claimed = free.slice(0, request.limit);
        for (const event of claimed) leasedUntil.set(event.id, request.leaseUntil.getTime());
        return claimed;
      },
      async ack(consumer, ids) {
        acks.push({ consumer, ids });
        for (const id of ids) acked.add(id);
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
    acks,
    acked,
    transactions: () => transactions,
    inits: () => inits,
  };
}

describe('createOutboxConsumer options', () => {
  it('rejects a bad consumer name or lease, naming the field', () => {
    const { storage } = fakeOutboxStorage(0);
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
});

describe('OutboxConsumer.poll', () => {
  it('leases events until now + leaseMs by the injected clock, for this consumer', async () => {
    const fake = fakeOutboxStorage(3);
    const clock = new FakeClock('2025-03-01T12:00:00Z');
    const consumer = createOutboxConsumer(fake.storage, { consumer: 'webhooks', leaseMs: 5000, clock });
    const polled = await consumer.poll(2);
    expect(polled.map((event) => event.id)).toEqual(['e1', 'e2']);
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
    const fake = fakeOutboxStorage(0);
    const clock = new FakeClock('2025-03-01T12:00:00Z');
    const consumer = createOutboxConsumer(fake.storage, { consumer: 'c', clock });
    expect(fake.inits()).toBe(0);
    await consumer.poll();
    expect(fake.inits()).toBe(1);
    expect(fake.claims[0]).toMatchObject({ limit: 100, leaseUntil: new Date('2025-03-01T12:00:30Z') });
  });

  it('rejects a bad limit without touching storage', async () => {
    const fake = fakeOutboxStorage(1);
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
});

describe('OutboxConsumer.ack', () => {
  it('acknowledges by id under the consumer name, and skips storage for nothing to ack', async () => {
    const fake = fakeOutboxStorage(2);
    const consumer = createOutboxConsumer(fake.storage, { consumer: 'analytics' });
    await consumer.ack([]);
    expect(fake.transactions()).toBe(0);
    await consumer.ack([{ id: 'e1' }, anEvent(2)]);
    expect(fake.acks).toEqual([{ consumer: 'analytics', ids: ['e1', 'e2'] }]);
  });
});

describe('OutboxConsumer.drain', () => {
  it('hands every event to the handler in order, across batches, and returns the count', async () => {
    const fake = fakeOutboxStorage(5);
    const consumer = createOutboxConsumer(fake.storage, { consumer: 'c', clock: new FakeClock() });
    const seen: string[] = [];
    const handled = await consumer.drain((event) => {
      // Each earlier event is acknowledged before the next is handled.
      expect([...fake.acked]).toEqual(seen);
      seen.push(event.id);
    }, 2);
    expect(handled).toBe(5);
    expect(seen).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(fake.claims.map((claim) => claim.limit)).toEqual([2, 2, 2, 2]);
    expect(await consumer.drain(() => {})).toBe(0);
  });

  it('stops and rethrows when the handler throws, leaving the failed event for after its lease', async () => {
    const fake = fakeOutboxStorage(3);
    const clock = new FakeClock('2025-03-01T12:00:00Z');
    const consumer = createOutboxConsumer(fake.storage, { consumer: 'c', clock, leaseMs: 60_000 });
    const failure = new Error('webhook down');
    const seen: string[] = [];
    const error = await rejection(
      consumer.drain(async (event) => {
        seen.push(event.id);
        if (event.id === 'e2') throw failure;
      }),
    );
    expect(error).toBe(failure);
    expect(seen).toEqual(['e1', 'e2']);
    expect([...fake.acked]).toEqual(['e1']);

    // Still leased: nothing is handed out again yet.
    expect(await consumer.poll()).toEqual([]);
    clock.advance({ seconds: 60 });
    expect((await consumer.poll()).map((event) => event.id)).toEqual(['e2', 'e3']);
    clock.advance({ seconds: 60 });
    expect(await consumer.drain(() => {})).toBe(2);
    expect([...fake.acked]).toEqual(['e1', 'e2', 'e3']);
  });

  it('rejects a bad batch size before handling anything', async () => {
    const fake = fakeOutboxStorage(1);
    const consumer = createOutboxConsumer(fake.storage, { consumer: 'c' });
    const error = await rejection(consumer.drain(() => {}, 0));
    expect(isRetailKitError(error, 'VALIDATION_FAILED')).toBe(true);
    expect(fake.transactions()).toBe(0);
  });
});
