import type { JsonValue } from '../json.js';

/**
 * The envelope of every domain event. Events are complete facts: the payload carries what a
 * consumer needs without reading anything back.
 */
export interface DomainEvent<TType extends string = string, TPayload extends JsonValue = JsonValue> {
  /** Unique, time-sortable event id. */
  readonly id: string;
  /** Event type, `<area>.<fact>`, e.g. `inventory.stock-reserved`. */
  readonly type: TType;
  /** The aggregate stream the event belongs to, e.g. `order:0193…`; ordered within it. */
  readonly stream: string;
  /** The store the fact happened in, or null for chain-wide facts. */
  readonly storeId: string | null;
  /** When it happened (ISO-8601 UTC, from the injected clock). */
  readonly occurredAt: string;
  /** Who caused it. */
  readonly actorId: string;
  /** The command that produced it, for tracing. */
  readonly command: string;
  /** The facts, JSON only. */
  readonly payload: TPayload;
  /** Version of the payload's shape, for consumers that must handle old events. */
  readonly schemaVersion: number;
}

/** What a command handler emits; the runner fills in id, time, actor and command. */
export interface EventDraft<TType extends string = string, TPayload extends JsonValue = JsonValue> {
  /** Event type. */
  readonly type: TType;
  /** The aggregate stream. */
  readonly stream: string;
  /** The store, or null for chain-wide facts; defaults to null. */
  readonly storeId?: string | null;
  /** The facts. */
  readonly payload: TPayload;
  /** Payload version; defaults to 1. */
  readonly schemaVersion?: number;
}

/** An event as stored in the outbox, with its positions. */
export interface OutboxEvent extends DomainEvent {
  /**
   * Unique, and increasing within a stream. Across streams it need not follow commit order (a SQL
   * sequence is drawn at insert time), so use `streamSeq` for order.
   */
  readonly position: number;
  /** 1-based sequence within its stream, gapless, in commit order. */
  readonly streamSeq: number;
}

/** An outbox event leased to one consumer, with how many times that consumer has claimed it. */
export interface ClaimedOutboxEvent extends OutboxEvent {
  /** 1 on the first claim by this consumer, one more per claim after a lease ran out. */
  readonly attempt: number;
}
