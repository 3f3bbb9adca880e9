import {
  createCommandRunner,
  createOutboxConsumer,
  isRetailKitError,
  type OutboxEvent,
} from '@retailkit/core';
import { expect } from 'vitest';
import { rejection } from '../assertions/rejection.js';
import { anActor } from '../builders/actors.js';
import { aDomainEvent } from '../builders/events.js';
import { stream, textOf } from './case-helpers.js';
import type { ConformanceCase } from './conformance-case.js';
import { appendNote, conflictingNote, twoStreamNote } from './conformance-commands.js';
import { runCoreModel } from './core-model.js';

const actor = anActor({ id: 'conformance' });

/** The ids of the core conformance checks, in suite order. */
export const CORE_CONFORMANCE_IDS = [
  'core.transaction.commit-is-visible',
  'core.transaction.throw-rolls-back',
  'core.transaction.async-throw-rolls-back',
  'core.transaction.no-lost-update',
  'core.idempotency.replays-same-request',
  'core.idempotency.rejects-different-request',
  'core.idempotency.concurrent-duplicates-run-once',
  'core.idempotency.scoped-per-command',
  'core.outbox.only-committed-events',
  'core.outbox.commit-order-per-stream',
  'core.outbox.payload-round-trips',
  'core.outbox.at-least-once-delivery',
  'core.outbox.lease-keeps-stream-order',
  'core.outbox.consumers-are-independent',
  'core.conflict.retries-whole-command',
  'core.conflict.gives-up-after-max-attempts',
  'core.idempotency.scoped-per-store',
  'core.idempotency.second-claim-conflicts',
  'core.idempotency.purge-by-age',
  'core.conflict.crossed-streams-resolve',
  'core.model.random-command-sequences',
] as const;

/** The ids of the core conformance checks. */
export type CoreConformanceId = (typeof CORE_CONFORMANCE_IDS)[number];

/** The core storage contract: transactions, idempotency, outbox and conflict retry. */
export const coreConformanceCases: readonly ConformanceCase<CoreConformanceId>[] = [
  {
    id: 'core.transaction.commit-is-visible',
    title: 'a committed transaction is visible to the next one',
    run: async (context) => {
      const { eventId } = await context.runner.execute(appendNote, { stream: 's', text: 'hello' }, { actor });
      const events = await stream(context, 's');
      expect(events.map((event) => event.id)).toEqual([eventId]);
      expect(events[0]?.payload).toEqual({ text: 'hello', attempt: 1 });
    },
  },
  {
    id: 'core.transaction.throw-rolls-back',
    title: 'a throw midway through a transaction leaves no trace and surfaces unchanged',
    run: async (context) => {
      const thrown = new Error('boom');
      const scope = { storeId: 'store-1', command: 'c', key: 'k' };
      const error = await rejection(
        context.storage.transaction(async (tx) => {
          await tx.outbox.append([aDomainEvent({ stream: 's' })]);
          await tx.idempotency.claim({ ...scope, requestHash: 'h', actorId: 'a', createdAt: new Date(0) });
          await tx.idempotency.complete(scope, { ok: true });
          throw thrown;
        }),
      );
      expect(error).toBe(thrown);
      expect(await stream(context, 's')).toEqual([]);
      expect(await context.storage.transaction((tx) => tx.idempotency.find(scope))).toBeUndefined();
    },
  },
  {
    id: 'core.transaction.async-throw-rolls-back',
    title: 'a command that fails after writing rolls back, even after awaiting other work',
    run: async (context) => {
      const error = await rejection(
        context.runner.execute(
          appendNote,
          { stream: 's', text: 'lost', failAfterWrite: true },
          { actor, idempotencyKey: 'fail-1' },
        ),
      );
      expect((error as Error).message).toBe('failing on purpose after writing');
      expect(await stream(context, 's')).toEqual([]);
      // The failed attempt stored no idempotency record: the same key may run again.
      const retried = await context.runner.run(
        appendNote,
        { stream: 's', text: 'kept' },
        { actor, idempotencyKey: 'fail-1' },
      );
      expect(retried.replayed).toBe(false);
      expect((await stream(context, 's')).map((event) => event.payload)).toEqual([
        { text: 'kept', attempt: 1 },
      ]);
    },
  },
  {
    id: 'core.transaction.no-lost-update',
    title: 'concurrent transactions appending to one stream lose no update',
    run: async (context) => {
      const n = 40;
      await Promise.all(
        Array.from({ length: n }, (_, i) =>
          context.runner.execute(appendNote, { stream: 'hot', text: `n${i}` }, { actor }),
        ),
      );
      const events = await stream(context, 'hot');
      expect(events.map((event) => event.streamSeq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      expect(new Set(events.map(textOf)).size).toBe(n);
      const positions = events.map((event) => event.position);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(new Set(positions).size).toBe(n);
    },
  },
  {
    id: 'core.idempotency.replays-same-request',
    title: 'the same key with the same request returns the first result without running again',
    run: async (context) => {
      const first = await context.runner.run(
        appendNote,
        { stream: 's', text: 'once' },
        { actor, idempotencyKey: 'k' },
      );
      context.clock.advance({ minutes: 5 });
      // Same request with fields in another order: still the same request.
      const again = await context.runner.run(
        appendNote,
        { text: 'once', stream: 's' },
        { actor, idempotencyKey: 'k' },
      );
      expect(first.replayed).toBe(false);
      expect(again.replayed).toBe(true);
      expect(again.result).toEqual(first.result);
      expect(again.events).toEqual([]);
      expect(await stream(context, 's')).toHaveLength(1);
    },
  },
  {
    id: 'core.idempotency.rejects-different-request',
    title: 'the same key with a different request is refused and changes nothing',
    run: async (context) => {
      await context.runner.execute(
        appendNote,
        { stream: 's', text: 'first' },
        { actor, idempotencyKey: 'k' },
      );
      const error = await rejection(
        context.runner.execute(appendNote, { stream: 's', text: 'second' }, { actor, idempotencyKey: 'k' }),
      );
      expect(isRetailKitError(error, 'IDEMPOTENCY_KEY_REUSE')).toBe(true);
      expect((await stream(context, 's')).map((event) => event.payload)).toEqual([
        { text: 'first', attempt: 1 },
      ]);
    },
  },
  {
    id: 'core.idempotency.concurrent-duplicates-run-once',
    title: 'concurrent duplicates under one key run the command once and all get its result',
    run: async (context) => {
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          context.runner.execute(appendNote, { stream: 's', text: 'dup' }, { actor, idempotencyKey: 'same' }),
        ),
      );
      expect(new Set(results.map((result) => result.eventId)).size).toBe(1);
      expect(await stream(context, 's')).toHaveLength(1);
    },
  },
  {
    id: 'core.idempotency.scoped-per-command',
    title: 'an idempotency key is scoped to its command',
    run: async (context) => {
      await context.runner.execute(
        appendNote,
        { stream: 'a', text: 'x' },
        { actor, idempotencyKey: 'shared' },
      );
      const other = await context.runner.run(
        conflictingNote(0),
        { stream: 'b' },
        { actor, idempotencyKey: 'shared' },
      );
      expect(other.replayed).toBe(false);
      expect(await stream(context, 'b')).toHaveLength(1);
    },
  },
  {
    id: 'core.outbox.only-committed-events',
    title: 'outbox events appear if and only if their transaction commits',
    run: async (context) => {
      await context.runner.execute(appendNote, { stream: 's', text: 'committed' }, { actor });
      await rejection(
        context.runner.execute(
          appendNote,
          { stream: 's', text: 'rolled back', failAfterWrite: true },
          { actor },
        ),
      );
      const consumer = createOutboxConsumer(context.storage, { consumer: 'c', clock: context.clock });
      const delivered = await consumer.poll(10);
      expect(delivered.map(textOf)).toEqual(['committed']);
    },
  },
  {
    id: 'core.outbox.commit-order-per-stream',
    title: 'events are delivered in commit order within each stream',
    run: async (context) => {
      for (let i = 0; i < 5; i++) {
        await context.runner.execute(
          appendNote,
          { stream: i % 2 === 0 ? 'even' : 'odd', text: String(i) },
          { actor },
        );
      }
      const consumer = createOutboxConsumer(context.storage, { consumer: 'c', clock: context.clock });
      const delivered = await consumer.poll(100);
      const texts = (name: string) => delivered.filter((event) => event.stream === name).map(textOf);
      expect(texts('even')).toEqual(['0', '2', '4']);
      expect(texts('odd')).toEqual(['1', '3']);
      expect(delivered.filter((event) => event.stream === 'even').map((event) => event.streamSeq)).toEqual([
        1, 2, 3,
      ]);
      const positions = delivered.map((event) => event.position);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    },
  },
  {
    id: 'core.outbox.payload-round-trips',
    title: 'event payloads and envelopes round-trip verbatim',
    run: async (context) => {
      const text = `'); DROP TABLE outbox; -- Ünïcödé 店舗 🛒 \\ "quoted" \u0000`.replace('\u0000', '');
      const outcome = await context.runner.run(
        appendNote,
        { stream: 'ストア:1', text, storeId: 'store-1' },
        { actor },
      );
      const [event] = await stream(context, 'ストア:1');
      const emitted = outcome.events[0];
      expect(event).toMatchObject({
        id: emitted?.id,
        type: 'conformance.note-appended',
        stream: 'ストア:1',
        storeId: 'store-1',
        occurredAt: context.clock.now().toISOString(),
        actorId: actor.id,
        command: 'conformance.append-note',
        payload: { text, attempt: 1 },
        schemaVersion: 1,
        streamSeq: 1,
      });
    },
  },
  {
    id: 'core.outbox.at-least-once-delivery',
    title: 'an unacknowledged event is delivered again after its lease; an acknowledged one never',
    run: async (context) => {
      await context.runner.execute(appendNote, { stream: 'a', text: '1' }, { actor });
      await context.runner.execute(appendNote, { stream: 'b', text: '2' }, { actor });
      const consumer = createOutboxConsumer(context.storage, {
        consumer: 'c',
        clock: context.clock,
        leaseMs: 60_000,
      });
      const first = await consumer.poll(10);
      expect(first).toHaveLength(2);
      expect(await consumer.poll(10)).toEqual([]);
      await consumer.ack([first[0] as OutboxEvent]);
      context.clock.advance({ seconds: 61 });
      const redelivered = await consumer.poll(10);
      expect(redelivered.map((event) => event.id)).toEqual([first[1]?.id]);
      await consumer.ack(redelivered);
      context.clock.advance({ minutes: 10 });
      expect(await consumer.poll(10)).toEqual([]);
    },
  },
  {
    id: 'core.outbox.lease-keeps-stream-order',
    title: 'a leased event holds back the later events of its stream, not other streams',
    run: async (context) => {
      await context.runner.execute(appendNote, { stream: 'a', text: 'a1' }, { actor });
      await context.runner.execute(appendNote, { stream: 'a', text: 'a2' }, { actor });
      await context.runner.execute(appendNote, { stream: 'b', text: 'b1' }, { actor });
      const consumer = createOutboxConsumer(context.storage, {
        consumer: 'c',
        clock: context.clock,
        leaseMs: 60_000,
      });
      const [a1] = await consumer.poll(1);
      expect(textOf(a1)).toBe('a1');
      const next = await consumer.poll(10);
      expect(next.map(textOf)).toEqual(['b1']);
      await consumer.ack([a1 as OutboxEvent]);
      const after = await consumer.poll(10);
      expect(after.map(textOf)).toEqual(['a2']);
    },
  },
  {
    id: 'core.outbox.consumers-are-independent',
    title: 'each consumer acknowledges on its own',
    run: async (context) => {
      await context.runner.execute(appendNote, { stream: 's', text: 'x' }, { actor });
      const analytics = createOutboxConsumer(context.storage, {
        consumer: 'analytics',
        clock: context.clock,
      });
      const webhooks = createOutboxConsumer(context.storage, { consumer: 'webhooks', clock: context.clock });
      expect(await analytics.drain(() => {})).toEqual({ handled: 1, failed: [] });
      expect(await analytics.poll()).toEqual([]);
      expect(await webhooks.poll()).toHaveLength(1);
    },
  },
  {
    id: 'core.conflict.retries-whole-command',
    title: 'a retryable conflict re-runs the whole command; only the last attempt remains',
    run: async (context) => {
      const outcome = await context.runner.run(conflictingNote(2), { stream: 's' }, { actor });
      expect(outcome.attempts).toBe(3);
      const events = await stream(context, 's');
      expect(events.map((event) => event.payload)).toEqual([{ text: 'attempt 3', attempt: 3 }]);
    },
  },
  {
    id: 'core.conflict.gives-up-after-max-attempts',
    title: 'a conflict that persists surfaces as ConflictError after the bounded attempts, writing nothing',
    run: async (context) => {
      const runner = createCommandRunner({
        storage: context.storage,
        clock: context.clock,
        retry: { maxAttempts: 3, sleep: async () => {} },
      });
      const error = await rejection(runner.execute(conflictingNote(99), { stream: 's' }, { actor }));
      expect(isRetailKitError(error, 'CONFLICT')).toBe(true);
      expect((error as { details: { attempts: number } }).details.attempts).toBe(3);
      expect(await stream(context, 's')).toEqual([]);
    },
  },
  {
    id: 'core.idempotency.scoped-per-store',
    title: 'an idempotency key is scoped to its store: two tills may send the same key',
    run: async (context) => {
      const inS1 = await context.runner.run(
        appendNote,
        { stream: 'a', text: 'x', storeId: 's1' },
        { actor, idempotencyKey: 'receipt-1' },
      );
      const inS2 = await context.runner.run(
        appendNote,
        { stream: 'b', text: 'y', storeId: 's2' },
        { actor, idempotencyKey: 'receipt-1' },
      );
      expect([inS1.replayed, inS2.replayed]).toEqual([false, false]);
      expect(await stream(context, 'b')).toHaveLength(1);
    },
  },
  {
    id: 'core.idempotency.second-claim-conflicts',
    title: 'claiming a key that exists fails with a retryable ConflictError and leaves the first record',
    run: async (context) => {
      const scope = { storeId: null, command: 'c', key: 'k' };
      const claim = { ...scope, requestHash: 'h1', actorId: 'a', createdAt: new Date(0) };
      await context.storage.transaction(async (tx) => {
        await tx.idempotency.claim(claim);
        await tx.idempotency.complete(scope, { first: true });
      });
      const error = await rejection(
        context.storage.transaction(async (tx) => {
          await tx.idempotency.claim({ ...claim, requestHash: 'h2' });
        }),
      );
      expect(isRetailKitError(error, 'CONFLICT')).toBe(true);
      expect((error as { retryable: boolean }).retryable).toBe(true);
      const stored = await context.storage.transaction((tx) => tx.idempotency.find(scope));
      expect(stored).toMatchObject({ requestHash: 'h1', result: { first: true } });
    },
  },
  {
    id: 'core.idempotency.purge-by-age',
    title: 'purging removes records claimed before the cutoff, and their keys can be used again',
    run: async (context) => {
      await context.runner.execute(
        appendNote,
        { stream: 's', text: 'old' },
        { actor, idempotencyKey: 'old' },
      );
      context.clock.advance({ hours: 25 });
      await context.runner.execute(
        appendNote,
        { stream: 's', text: 'new' },
        { actor, idempotencyKey: 'new' },
      );
      const cutoff = new Date(context.clock.now().getTime() - 24 * 3_600_000);
      expect(await context.storage.transaction((tx) => tx.idempotency.purge(cutoff))).toBe(1);
      const reused = await context.runner.run(
        appendNote,
        { stream: 's', text: 'other' },
        { actor, idempotencyKey: 'old' },
      );
      expect(reused.replayed).toBe(false);
      const kept = await context.runner.run(
        appendNote,
        { stream: 's', text: 'new' },
        { actor, idempotencyKey: 'new' },
      );
      expect(kept.replayed).toBe(true);
    },
  },
  {
    id: 'core.conflict.crossed-streams-resolve',
    title: 'transactions writing two streams in opposite orders all commit (deadlocks are retried)',
    run: async (context) => {
      const n = 20;
      await Promise.all(
        Array.from({ length: n }, (_, i) =>
          context.runner.execute(
            twoStreamNote,
            { first: i % 2 === 0 ? 'x' : 'y', second: i % 2 === 0 ? 'y' : 'x' },
            { actor },
          ),
        ),
      );
      for (const name of ['x', 'y']) {
        expect((await stream(context, name)).map((event) => event.streamSeq)).toEqual(
          Array.from({ length: n }, (_, i) => i + 1),
        );
      }
    },
  },
  {
    id: 'core.model.random-command-sequences',
    title: 'random sequences of plain, idempotent, failing and conflicting commands match a model',
    run: (context) => runCoreModel(context),
  },
];
