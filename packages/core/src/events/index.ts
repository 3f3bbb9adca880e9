export type { DomainEvent, EventDraft, OutboxEvent } from './domain-event.js';
export { createOutboxConsumer, type OutboxConsumer, type OutboxConsumerOptions } from './outbox-consumer.js';
