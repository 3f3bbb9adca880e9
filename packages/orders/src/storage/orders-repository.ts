import type { OrderChannel, OrderHistoryRecord, OrderRecord } from './order-records.js';

/** A page request: at most `limit` rows after the opaque `after` cursor of the previous page. */
export interface OrderPageRequest {
  /** Most rows to return (1..1000). */
  readonly limit: number;
  /** The `nextCursor` of the previous page; omit for the first page. */
  readonly after?: string | undefined;
}

/** One page of orders and the cursor of the next, or null on the last page. */
export interface OrderPage<T> {
  /** The rows, in the listing's stable order. */
  readonly items: readonly T[];
  /** Pass as `after` to read on; null when there is nothing more. */
  readonly nextCursor: string | null;
}

/** Filters of {@link OrdersRepository.listOrders}; all given ones must match. */
export interface OrderFilter {
  /** Only this store's orders. */
  readonly storeId?: string | undefined;
  /** Only this customer's. */
  readonly customerId?: string | undefined;
  /** Only these states. */
  readonly statuses?: readonly string[] | undefined;
  /** Only these channels. */
  readonly channels?: readonly OrderChannel[] | undefined;
  /** `createdAt` at or after this instant (ISO-8601 UTC). */
  readonly from?: string | undefined;
  /** `createdAt` before this instant (ISO-8601 UTC): half-open. */
  readonly to?: string | undefined;
}

/**
 * The storage port of the orders module: an order is one versioned document; its history is an
 * append-only list beside it. No business rule lives here.
 *
 * Concurrency contract: `updateOrder` replaces the document only when the stored version equals
 * `expectedVersion` (SQL: `UPDATE … WHERE id = $1 AND version = $2`), otherwise it throws a
 * retryable ConflictError; the row stays locked until the transaction ends. `getOrderForUpdate`
 * locks the row first (SQL `SELECT … FOR UPDATE`), so a command that reads, decides and writes
 * cannot lose a concurrent change.
 */
export interface OrdersRepository {
  /** Inserts a new order; a ConflictError (not retryable) when the id exists. */
  insertOrder(record: OrderRecord): Promise<void>;
  /** The order, or undefined. */
  getOrder(id: string): Promise<OrderRecord | undefined>;
  /** The order, locked until the transaction ends, or undefined. */
  getOrderForUpdate(id: string): Promise<OrderRecord | undefined>;
  /** Replaces the order when its stored version is `expectedVersion`; else a retryable ConflictError. */
  updateOrder(record: OrderRecord, expectedVersion: number): Promise<void>;
  /**
   * Orders matching `filter`, newest first: by `createdAt` descending, then id descending. The
   * cursor is opaque to callers.
   */
  listOrders(filter: OrderFilter, page: OrderPageRequest): Promise<OrderPage<OrderRecord>>;
  /** Appends history entries (their sequences continue the order's; a duplicate sequence is a ConflictError). */
  appendHistory(entries: readonly OrderHistoryRecord[]): Promise<void>;
  /** An order's history, by sequence ascending. */
  listHistory(orderId: string): Promise<readonly OrderHistoryRecord[]>;
}

/** What an adapter provides to the orders module inside a transaction. */
export interface OrderRepositories {
  /** The orders port. */
  readonly orders: OrdersRepository;
}
