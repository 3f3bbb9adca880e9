import { ConflictError } from '@retailkit/core';
import type {
  OrderFilter,
  OrderHistoryRecord,
  OrderPage,
  OrderPageRequest,
  OrderRecord,
  OrdersRepository,
} from '@retailkit/orders';
import { insertNewRow } from '../inventory/insert-new-row.js';
import { paginate, type SortKey } from '../inventory/paginate.js';
import { updateVersionedRow } from '../inventory/update-versioned-row.js';
import type { MemoryTransaction } from '../transaction/memory-transaction.js';
import type { MemoryOrdersTables } from './memory-orders-tables.js';

const byCreation = (row: OrderRecord): SortKey => [row.createdAt, row.id];

function orderMatches(filter: OrderFilter): (row: OrderRecord) => boolean {
  const { storeId, customerId, statuses, channels, from, to } = filter;
  return (row) =>
    (storeId === undefined || row.storeId === storeId) &&
    (customerId === undefined || row.customerId === customerId) &&
    (statuses === undefined || statuses.includes(row.status)) &&
    (channels === undefined || channels.includes(row.channel)) &&
    (from === undefined || row.createdAt >= from) &&
    (to === undefined || row.createdAt < to);
}

function* where<T>(rows: Iterable<T>, keep: (row: T) => boolean): Iterable<T> {
  for (const row of rows) if (keep(row)) yield row;
}

/**
 * Retryable: sequences follow from the history a command read, so a duplicate means another
 * command appended first, and running this one again reads its entries and continues after them.
 */
function duplicateEntry(orderId: string, sequence: number): ConflictError {
  return new ConflictError(`Order ${JSON.stringify(orderId)} already has history entry ${sequence}`, {
    retryable: true,
    details: { entity: 'Order history entry', id: orderId, sequence },
  });
}

// A class rather than an object literal, as the inventory repository: one is built per transaction.
class MemoryOrdersRepository implements OrdersRepository {
  readonly #t: MemoryOrdersTables;
  readonly #tx: MemoryTransaction;

  constructor(tables: MemoryOrdersTables, tx: MemoryTransaction) {
    this.#t = tables;
    this.#tx = tx;
  }

  async insertOrder(record: OrderRecord): Promise<void> {
    insertNewRow(this.#tx, this.#t.orders, 'Order', record.id, record);
  }

  async getOrder(id: string): Promise<OrderRecord | undefined> {
    return this.#t.orders.get(this.#tx, id);
  }

  // Transactions run one at a time, so a read is already as good as a lock.
  async getOrderForUpdate(id: string): Promise<OrderRecord | undefined> {
    return this.#t.orders.get(this.#tx, id);
  }

  async updateOrder(record: OrderRecord, expectedVersion: number): Promise<void> {
    updateVersionedRow(this.#tx, this.#t.orders, 'Order', record, expectedVersion);
  }

  async listOrders(filter: OrderFilter, page: OrderPageRequest): Promise<OrderPage<OrderRecord>> {
    const rows = where(this.#t.orders.values(this.#tx), orderMatches(filter));
    return paginate(rows, byCreation, page, true);
  }

  async appendHistory(entries: readonly OrderHistoryRecord[]): Promise<void> {
    // Check the whole batch first, so a duplicate sequence writes none of it.
    const byOrder = new Map<string, OrderHistoryRecord[]>();
    for (const entry of entries) {
      const batch = byOrder.get(entry.orderId);
      if (batch) batch.push(entry);
      else byOrder.set(entry.orderId, [entry]);
    }
    const merged = new Map<string, OrderHistoryRecord[]>();
    for (const [orderId, batch] of byOrder) {
      const stored = this.#t.history.get(this.#tx, orderId) ?? [];
      const taken = new Set(stored.map((entry) => entry.sequence));
      for (const entry of batch) {
        if (taken.has(entry.sequence)) throw duplicateEntry(orderId, entry.sequence);
        taken.add(entry.sequence);
      }
      merged.set(
        orderId,
        [...stored, ...batch].sort((a, b) => a.sequence - b.sequence),
      );
    }
    for (const [orderId, rows] of merged) this.#t.history.set(this.#tx, orderId, rows);
  }

  async listHistory(orderId: string): Promise<readonly OrderHistoryRecord[]> {
    return this.#t.history.get(this.#tx, orderId) ?? [];
  }
}

/** The orders repository over in-memory tables, bound to one transaction. */
export function memoryOrdersRepository(tables: MemoryOrdersTables, tx: MemoryTransaction): OrdersRepository {
  return new MemoryOrdersRepository(tables, tx);
}
