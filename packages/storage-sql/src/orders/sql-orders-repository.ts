import { ConflictError } from '@retailkit/core';
import type {
  OrderFilter,
  OrderHistoryRecord,
  OrderPage,
  OrderPageRequest,
  OrderRecord,
  OrdersRepository,
} from '@retailkit/orders';
import {
  type CursorPart,
  checkLimit,
  decodeCursor,
  EMPTY_PAGE,
  keysetAfter,
  pageOf,
} from '../inventory/keyset-page.js';
import { insertNewRow, updateVersionedRow } from '../inventory/row-writes.js';
import { isMysqlDuplicateKey } from '../sql/driver-errors.js';
import type { SqlContext } from '../sql/sql-context.js';
import { historyRecord, historyRow, orderRecord, orderRow } from './order-rows.js';

/** History entries per INSERT: well within every engine's limit on bound parameters. */
const BATCH = 500;

const BY_CREATION: readonly CursorPart[] = ['instant', 'key'];
const byCreation = (record: OrderRecord) => [record.createdAt, record.id];

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

/** A history entry's key, for telling which entries of a batch were written. */
const entryKey = (orderId: string, sequence: number) => `${sequence}:${orderId}`;

/** The orders repository on SQL, bound to one transaction. */
export class SqlOrdersRepository implements OrdersRepository {
  readonly #context: SqlContext;

  constructor(context: SqlContext) {
    this.#context = context;
  }

  async insertOrder(record: OrderRecord): Promise<void> {
    const row = orderRow(record, this.#context.values);
    await insertNewRow(this.#context, 'orders', 'Order', record.id, row);
  }

  async getOrder(id: string): Promise<OrderRecord | undefined> {
    const { db, values } = this.#context;
    const row = await db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
    return row && orderRecord(row, values);
  }

  async getOrderForUpdate(id: string): Promise<OrderRecord | undefined> {
    const { db, family, values } = this.#context;
    // SQLite has no FOR UPDATE: one connection runs one transaction at a time, and across processes
    // the version check in updateOrder (and SQLITE_BUSY, a retryable conflict) keeps updates whole.
    if (family === 'sqlite') return this.getOrder(id);
    const row = await db.selectFrom('orders').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    return row && orderRecord(row, values);
  }

  async updateOrder(record: OrderRecord, expectedVersion: number): Promise<void> {
    const row = orderRow(record, this.#context.values);
    await updateVersionedRow(this.#context, 'orders', 'Order', record.id, row, expectedVersion);
  }

  async listOrders(filter: OrderFilter, page: OrderPageRequest): Promise<OrderPage<OrderRecord>> {
    checkLimit(page);
    const { statuses, channels } = filter;
    if (statuses?.length === 0 || channels?.length === 0) return EMPTY_PAGE;
    const { db, family, values } = this.#context;
    let query = db.selectFrom('orders').selectAll();
    if (filter.storeId !== undefined) query = query.where('store_id', '=', filter.storeId);
    if (filter.customerId !== undefined) query = query.where('customer_id', '=', filter.customerId);
    if (statuses !== undefined) query = query.where('status', 'in', [...statuses]);
    if (channels !== undefined) query = query.where('channel', 'in', [...channels]);
    if (filter.from !== undefined) query = query.where('created_at', '>=', values.instant(filter.from));
    if (filter.to !== undefined) query = query.where('created_at', '<', values.instant(filter.to));
    if (page.after !== undefined) {
      // Keys may hold NUL but on PostgreSQL.
      const [createdAt, id] = decodeCursor(page.after, BY_CREATION, family !== 'postgres') as [
        string,
        string,
      ];
      query = query.where(keysetAfter(['created_at', 'id'], [values.instant(createdAt), id], true));
    }
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .execute();
    return pageOf(rows, page.limit, (row) => orderRecord(row, values), byCreation);
  }

  async appendHistory(entries: readonly OrderHistoryRecord[]): Promise<void> {
    const keys = new Set<string>();
    for (const entry of entries) {
      const key = entryKey(entry.orderId, entry.sequence);
      if (keys.has(key)) throw duplicateEntry(entry.orderId, entry.sequence);
      keys.add(key);
    }
    const written: OrderHistoryRecord[] = [];
    for (let start = 0; start < entries.length; start += BATCH) {
      const duplicate = await this.#insertHistory(entries.slice(start, start + BATCH), written);
      if (duplicate === undefined) continue;
      // Take back what this call wrote, so a refused batch writes none of it (as in memory) even
      // when the caller catches the error and goes on.
      for (const entry of written) {
        await this.#context.db
          .deleteFrom('order_history')
          .where('order_id', '=', entry.orderId)
          .where('sequence', '=', entry.sequence)
          .execute();
      }
      throw duplicateEntry(duplicate.orderId, duplicate.sequence);
    }
  }

  /**
   * One multi-row INSERT, adding the entries it wrote to `written`; returns an entry that already
   * exists (the INSERT then wrote only the others, or none on MySQL), or undefined. A duplicate
   * never fails the statement on PostgreSQL, where that would abort the whole transaction.
   */
  async #insertHistory(
    entries: readonly OrderHistoryRecord[],
    written: OrderHistoryRecord[],
  ): Promise<OrderHistoryRecord | undefined> {
    const { db, family, values } = this.#context;
    const rows = entries.map((entry) => historyRow(entry, values));
    if (family !== 'mysql') {
      const inserted = await db
        .insertInto('order_history')
        .values(rows)
        .onConflict((conflict) => conflict.doNothing())
        .returning(['order_id', 'sequence'])
        .execute();
      const keys = new Set(inserted.map((row) => entryKey(row.order_id, Number(row.sequence))));
      let duplicate: OrderHistoryRecord | undefined;
      for (const entry of entries) {
        if (keys.has(entryKey(entry.orderId, entry.sequence))) written.push(entry);
        else duplicate ??= entry;
      }
      return duplicate;
    }
    try {
      await db.insertInto('order_history').values(rows).execute();
      written.push(...entries);
      return undefined;
    } catch (error) {
      // A duplicate key fails the statement only (nothing of it is written), not the transaction.
      if (!isMysqlDuplicateKey(error)) throw error;
    }
    for (const entry of entries) {
      const existing = await db
        .selectFrom('order_history')
        .select('sequence')
        .where('order_id', '=', entry.orderId)
        .where('sequence', '=', entry.sequence)
        .executeTakeFirst();
      if (existing) return entry;
    }
    return entries[0];
  }

  async listHistory(orderId: string): Promise<readonly OrderHistoryRecord[]> {
    const { db, values } = this.#context;
    const rows = await db
      .selectFrom('order_history')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('sequence')
      .execute();
    return rows.map((row) => historyRecord(row, values));
  }
}
