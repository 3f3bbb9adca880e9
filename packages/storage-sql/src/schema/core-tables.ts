import type { Generated } from 'kysely';

/** `idempotency_keys`: a command's stored result under its idempotency key. */
export interface IdempotencyKeysTable {
  /** The command's store, or `''` for chain-wide and multi-store commands. */
  store_id: string;
  /** The command name. */
  command: string;
  /** The caller's key. */
  key: string;
  /** Hash of the validated request. */
  request_hash: string;
  /** The encoded result (JSON); NULL until the claiming transaction completes it. */
  result: unknown;
  /** Who ran it. */
  actor_id: string;
  /** When the key was claimed. */
  created_at: unknown;
}

/** `outbox_events`: the transactional outbox, one row per domain event. */
export interface OutboxEventsTable {
  /** Unique, increasing within a stream (drawn at insert). */
  position: Generated<number>;
  /** The event id. */
  id: string;
  /** The stream (aggregate) it belongs to. */
  stream: string;
  /** Gapless order within the stream, in commit order. */
  stream_seq: number;
  /** The event type. */
  type: string;
  /** The store, or NULL for chain-wide events. */
  store_id: string | null;
  /** When it happened. */
  occurred_at: unknown;
  /** Who caused it. */
  actor_id: string;
  /** The command that emitted it. */
  command: string;
  /** The payload (JSON). */
  payload: unknown;
  /** The payload's schema version. */
  schema_version: number;
}

/** `outbox_streams`: the last `stream_seq` of each stream; its row lock orders a stream's appends. */
export interface OutboxStreamsTable {
  /** The stream. */
  stream: string;
  /** The highest sequence number appended to it. */
  last_seq: number;
}

/** `outbox_consumers`: one row per consumer, locked by its claims so polls do not overlap. */
export interface OutboxConsumersTable {
  /** The consumer name. */
  consumer: string;
}

/** `outbox_deliveries`: what each consumer did with each event it claimed. */
export interface OutboxDeliveriesTable {
  /** The consumer name. */
  consumer: string;
  /** The event's position. */
  position: number;
  /** Until when it is leased to the consumer. */
  leased_until: unknown;
  /** Whether the consumer acknowledged it. */
  acked: unknown;
  /** How many times the consumer claimed it. */
  attempts: number;
}

/** The core tables. */
export interface CoreTables {
  /** Idempotency keys. */
  idempotency_keys: IdempotencyKeysTable;
  /** Outbox events. */
  outbox_events: OutboxEventsTable;
  /** Outbox stream sequence counters. */
  outbox_streams: OutboxStreamsTable;
  /** Outbox consumer lock rows. */
  outbox_consumers: OutboxConsumersTable;
  /** Outbox deliveries per consumer. */
  outbox_deliveries: OutboxDeliveriesTable;
}
