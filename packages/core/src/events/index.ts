export type { ClaimedOutboxEvent, DomainEvent, EventDraft, OutboxEvent } from './domain-event.js';
export {
  createOutboxConsumer,
  type DrainFailure,
  type DrainOptions,
  type DrainResult,
  type OutboxConsumer,
  type OutboxConsumerOptions,
} from './outbox-consumer.js';
