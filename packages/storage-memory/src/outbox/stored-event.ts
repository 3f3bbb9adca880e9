import type { OutboxEvent } from '@retailkit/core';
import { frozenCopy, frozenCopyWith } from '../transaction/frozen-copy.js';

/** The fields the command runner gives every event, in its order. */
const RUNNER_EVENT_FIELDS = [
  'id',
  'type',
  'stream',
  'storeId',
  'occurredAt',
  'actorId',
  'command',
  'payload',
  'schemaVersion',
] as const;

/**
 * The frozen copy of `event` the outbox keeps: `frozenCopyWith(event, { position, streamSeq })`.
 * An event shaped as the command runner makes them (the usual case: one per command) is built as
 * one object literal, which V8 lays out at once; the generic copy adds the fields one by one.
 */
export function storedEvent(
  event: Omit<OutboxEvent, 'position' | 'streamSeq'>,
  position: number,
  streamSeq: number,
): OutboxEvent {
  if (Object.getPrototypeOf(event) === Object.prototype && hasRunnerFields(event)) {
    // Read once each, like the spread the generic copy stands for.
    const { id, type, stream, storeId, occurredAt, actorId, command, payload, schemaVersion } = event;
    if (
      isScalar(id) &&
      isScalar(type) &&
      isScalar(stream) &&
      isScalar(storeId) &&
      isScalar(occurredAt) &&
      isScalar(actorId) &&
      isScalar(command) &&
      isScalar(schemaVersion)
    ) {
      return Object.freeze({
        id,
        type,
        stream,
        storeId,
        occurredAt,
        actorId,
        command,
        payload: frozenCopy(payload),
        schemaVersion,
        position,
        streamSeq,
      });
    }
  }
  return frozenCopyWith(event, { position, streamSeq });
}

function hasRunnerFields(event: object): boolean {
  const keys = Object.keys(event);
  if (keys.length !== RUNNER_EVENT_FIELDS.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== RUNNER_EVENT_FIELDS[i]) return false;
  return true;
}

/** A value copied as it is (structuredClone copies these unchanged). */
function isScalar(value: unknown): boolean {
  return (
    value === null || (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'symbol')
  );
}
