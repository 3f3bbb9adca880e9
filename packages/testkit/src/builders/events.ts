import type { DomainEvent } from '@retailkit/core';

let counter = 0;

/** A complete domain event with sensible defaults; each call gets a new id unless one is given. */
export function aDomainEvent(overrides: Partial<DomainEvent> = {}): DomainEvent {
  counter += 1;
  return {
    id: `event-${String(counter).padStart(6, '0')}`,
    type: 'test.happened',
    stream: 'test-stream',
    storeId: null,
    occurredAt: '2025-01-01T00:00:00.000Z',
    actorId: 'actor-1',
    command: 'test.command',
    payload: {},
    schemaVersion: 1,
    ...overrides,
  };
}
