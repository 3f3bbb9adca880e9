import { type ClaimedOutboxEvent, createOutboxConsumer, type OutboxEvent } from '@retailkit/core';
import { expect } from 'vitest';
import { rejection } from '../assertions/rejection.js';
import { anActor } from '../builders/actors.js';
import { stream, textOf } from './case-helpers.js';
import type { ConformanceCase, ConformanceContext } from './conformance-case.js';
import { appendNote } from './conformance-commands.js';

const actor = anActor({ id: 'conformance-outbox' });
const LEASE_MS = 60_000;
const PAST_LEASE = { seconds: 61 };

/** Appends one note per `[stream, text]`, one committed command after another. */
async function appendNotes(context: ConformanceContext, notes: readonly [string, string][]): Promise<void> {
  for (const [name, text] of notes)
    await context.runner.execute(appendNote, { stream: name, text }, { actor });
}

function consumerOf(context: ConformanceContext, name: string) {
  return createOutboxConsumer(context.storage, { consumer: name, clock: context.clock, leaseMs: LEASE_MS });
}

/** Texts grouped by stream, each stream's in the order given. */
function textsByStream(events: readonly OutboxEvent[]): Record<string, (string | undefined)[]> {
  const grouped: Record<string, (string | undefined)[]> = {};
  for (const event of events) grouped[event.stream] = [...(grouped[event.stream] ?? []), textOf(event)];
  return grouped;
}

const attempts = (events: readonly ClaimedOutboxEvent[]) =>
  events.map((event) => [textOf(event), event.attempt]);
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** The ids of the outbox conformance checks, in suite order. */
export const OUTBOX_CONFORMANCE_IDS = [
  'core.outbox.concurrent-polls-respect-leases',
  'core.outbox.concurrent-appends-keep-stream-order',
  'core.outbox.rolled-back-claim-and-ack-change-nothing',
  'core.outbox.attempts-count-redeliveries',
  'core.outbox.poison-event-holds-back-its-stream-only',
] as const;

/** The ids of the outbox conformance checks. */
export type OutboxConformanceId = (typeof OUTBOX_CONFORMANCE_IDS)[number];

/** The outbox under concurrency and failure: leases, per-stream order, rollback and delivery attempts. */
export const outboxConformanceCases: readonly ConformanceCase<OutboxConformanceId>[] = [
  {
    id: 'core.outbox.concurrent-polls-respect-leases',
    title:
      'concurrent polls never share a leased event, nor take a later event of a stream leased to another poll',
    run: async (context) => {
      const streams = ['a', 'b', 'c'];
      // Each stream's events in a block, so the first polls of a round race for the same events.
      await appendNotes(
        context,
        streams.flatMap((name) => oneTo(10).map((i): [string, string] => [name, `${name}${i}`])),
      );
      const consumer = consumerOf(context, 'workers');
      const seen = new Set<string>();
      const delivered: OutboxEvent[] = [];
      for (let round = 1; seen.size < 30; round++) {
        const polls = await Promise.all(Array.from({ length: 10 }, () => consumer.poll(3)));
        const holder = new Map<string, number>();
        polls.forEach((events, poll) => {
          for (const event of events) {
            expect(seen.has(event.id), `${textOf(event)} handed out twice`).toBe(false);
            seen.add(event.id);
            const first = holder.get(event.stream) ?? poll;
            holder.set(event.stream, first);
            expect(poll, `stream ${event.stream} handed to two polls in round ${round}`).toBe(first);
            delivered.push(event);
          }
        });
        expect(polls.flat().length, `round ${round} handed out nothing`).toBeGreaterThan(0);
        await Promise.all(polls.map((events) => consumer.ack(events)));
      }
      for (const name of streams) {
        const ofStream = delivered.filter((event) => event.stream === name);
        expect(ofStream.map((event) => event.streamSeq)).toEqual(oneTo(10));
      }
      expect(await consumer.poll()).toEqual([]);
    },
  },
  {
    id: 'core.outbox.concurrent-appends-keep-stream-order',
    title: 'concurrent appends to several streams keep each stream gapless and delivered in streamSeq order',
    run: async (context) => {
      const streams = ['w', 'x', 'y', 'z'];
      await Promise.all(
        streams.flatMap((name) =>
          oneTo(8).map((i) =>
            context.runner.execute(appendNote, { stream: name, text: `${name}${i}` }, { actor }),
          ),
        ),
      );
      const handled: OutboxEvent[] = [];
      const result = await consumerOf(context, 'c').drain((event) => {
        handled.push(event);
      });
      expect(result).toEqual({ handled: 32, failed: [] });
      const positions = new Set<number>();
      for (const name of streams) {
        const stored = await stream(context, name);
        expect(stored.map((event) => event.streamSeq)).toEqual(oneTo(8));
        expect(new Set(stored.map(textOf)).size).toBe(8);
        // Position is unique and increases within a stream; across streams no order is promised.
        const ofStream = stored.map((event) => event.position);
        expect([...ofStream].sort((a, b) => a - b)).toEqual(ofStream);
        for (const position of ofStream) positions.add(position);
        expect(handled.filter((event) => event.stream === name).map((event) => event.id)).toEqual(
          stored.map((event) => event.id),
        );
      }
      expect(positions.size).toBe(32);
    },
  },
  {
    id: 'core.outbox.rolled-back-claim-and-ack-change-nothing',
    title: 'a claim or ack whose transaction rolls back leaves leases, attempts and acks as they were',
    run: async (context) => {
      await appendNotes(context, [
        ['a', 'a1'],
        ['b', 'b1'],
      ]);
      const abort = new Error('rolling back on purpose');
      const claimThenThrow = async (now: Date) => {
        let claimed = 0;
        const error = await rejection(
          context.storage.transaction(async (tx) => {
            const leaseUntil = new Date(now.getTime() + LEASE_MS);
            claimed = (await tx.outbox.claim({ consumer: 'c', limit: 10, now, leaseUntil })).length;
            throw abort;
          }),
        );
        expect(error).toBe(abort);
        expect(claimed).toBe(2);
      };
      const consumer = consumerOf(context, 'c');

      // A rolled-back first claim leases nothing and counts no attempt.
      await claimThenThrow(context.clock.now());
      const first = await consumer.poll(10);
      expect(attempts(first)).toEqual([
        ['a1', 1],
        ['b1', 1],
      ]);

      // A rolled-back claim that would take over expired leases keeps the live ones in place.
      await claimThenThrow(new Date(context.clock.now().getTime() + 2 * LEASE_MS));
      expect(await consumer.poll(10)).toEqual([]);

      // A rolled-back ack acknowledges nothing.
      const ackError = await rejection(
        context.storage.transaction(async (tx) => {
          await tx.outbox.ack(
            'c',
            first.map((event) => event.id),
          );
          throw abort;
        }),
      );
      expect(ackError).toBe(abort);
      context.clock.advance(PAST_LEASE);
      const again = await consumer.poll(10);
      expect(attempts(again)).toEqual([
        ['a1', 2],
        ['b1', 2],
      ]);
      await consumer.ack(again);
      context.clock.advance(PAST_LEASE);
      expect(await consumer.poll(10)).toEqual([]);
    },
  },
  {
    id: 'core.outbox.attempts-count-redeliveries',
    title: 'each redelivery after a lease runs out counts one more attempt, per consumer',
    run: async (context) => {
      await appendNotes(context, [['s', 'one']]);
      const [stored] = await stream(context, 's');
      const webhooks = consumerOf(context, 'webhooks');
      const first = await webhooks.poll();
      expect(first).toEqual([{ ...stored, attempt: 1 }]);
      expect(await webhooks.poll()).toEqual([]);
      context.clock.advance(PAST_LEASE);
      expect(attempts(await webhooks.poll())).toEqual([['one', 2]]);
      context.clock.advance(PAST_LEASE);
      const third = await webhooks.poll();
      expect(attempts(third)).toEqual([['one', 3]]);

      const analytics = consumerOf(context, 'analytics');
      expect(attempts(await analytics.poll())).toEqual([['one', 1]]);
      await webhooks.ack(third);
      context.clock.advance({ minutes: 10 });
      expect(await webhooks.poll()).toEqual([]);
      expect(attempts(await analytics.poll())).toEqual([['one', 2]]);
    },
  },
  {
    id: 'core.outbox.poison-event-holds-back-its-stream-only',
    title: 'an event whose handler keeps failing holds back its own stream in drain, never the others',
    run: async (context) => {
      await appendNotes(context, [
        ['p', 'p1'],
        ['a', 'a1'],
        ['p', 'p2'],
        ['b', 'b1'],
        ['a', 'a2'],
      ]);
      const consumer = consumerOf(context, 'c');
      const poison = new Error('cannot deliver p1');
      const handled: OutboxEvent[] = [];
      const result = await consumer.drain(
        (event) => {
          if (textOf(event) === 'p1') throw poison;
          handled.push(event);
        },
        { batchSize: 2 },
      );
      expect(textsByStream(handled)).toEqual({ a: ['a1', 'a2'], b: ['b1'] });
      expect(result.handled).toBe(3);
      expect(
        result.failed.map((failure) => [textOf(failure.event), failure.event.attempt, failure.error]),
      ).toEqual([['p1', 1, poison]]);

      // After its lease the failed event comes back first in its stream, then the one it held back.
      context.clock.advance(PAST_LEASE);
      const healed: OutboxEvent[] = [];
      expect(await consumer.drain((event) => void healed.push(event))).toEqual({ handled: 2, failed: [] });
      expect(textsByStream(healed)).toEqual({ p: ['p1', 'p2'] });
    },
  },
];
