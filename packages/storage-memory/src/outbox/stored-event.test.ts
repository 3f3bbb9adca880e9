import type { OutboxEvent } from '@retailkit/core';
import { aDomainEvent } from '@retailkit/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frozenCopyWith } from '../transaction/frozen-copy.js';
import { storedEvent } from './stored-event.js';

type Draft = Omit<OutboxEvent, 'position' | 'streamSeq'>;

const payload = fc.anything({
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withSparseArray: true,
});
const runnerShaped = fc.record({
  id: fc.string(),
  type: fc.string(),
  stream: fc.string(),
  storeId: fc.option(fc.string(), { nil: null }),
  occurredAt: fc.string(),
  actorId: fc.string(),
  command: fc.string(),
  payload,
  schemaVersion: fc.integer(),
});
// Other shapes: fields missing or added, in another order, or holding objects.
const otherShaped = fc.oneof(
  runnerShaped.map(({ storeId: _dropped, ...rest }) => rest),
  runnerShaped.map((event) => ({ ...event, traceId: 'abc' })),
  runnerShaped.map(({ id, ...rest }) => ({ ...rest, id })),
  runnerShaped.map((event) => ({ ...event, actorId: { nested: [event.actorId] } })),
);

/** Deeply frozen, as stored rows must be. */
function expectDeepFrozen(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  expect(Object.isFrozen(value)).toBe(true);
  for (const child of Object.values(value)) expectDeepFrozen(child);
}

describe('storedEvent', () => {
  it('is the generic frozen copy with the positions, field order included (property)', () => {
    fc.assert(
      fc.property(fc.oneof(runnerShaped, otherShaped), fc.nat(), fc.nat(), (event, position, streamSeq) => {
        const stored = storedEvent(event as Draft, position, streamSeq);
        const expected = frozenCopyWith(event, { position, streamSeq });
        expect(stored).toStrictEqual(expected);
        expect(Object.keys(stored)).toEqual(Object.keys(expected));
        expectDeepFrozen(stored);
      }),
    );
  });

  it('does not share the payload with the event it copies', () => {
    const event = aDomainEvent({ payload: { lines: [{ sku: 'A', quantity: 1 }] } });
    const stored = storedEvent(event, 1, 1);
    expect(stored.payload).toEqual(event.payload);
    expect(stored.payload).not.toBe(event.payload);
    expectDeepFrozen(stored);
  });
});
