import type { OrderChannel, OrderHistoryRecord, OrderRecord } from '@retailkit/orders';
import type { Selectable } from 'kysely';
import { readInteger, type SqlValues } from '../sql/sql-values.js';
import type { OrderHistoryTable, OrdersTable } from './orders-tables.js';

/** The fields of an order record kept in their own columns; the body holds the rest. */
type ColumnFields =
  | 'id'
  | 'storeId'
  | 'locationId'
  | 'channel'
  | 'customerId'
  | 'status'
  | 'currency'
  | 'createdAt'
  | 'placedAt'
  | 'updatedAt'
  | 'version';

/** What the `body` column holds: the order record without its column fields. */
type OrderBody = Omit<OrderRecord, ColumnFields>;

/** An order's row. The body is the rest of the record, so fields added later round-trip too. */
export function orderRow(record: OrderRecord, values: SqlValues): Selectable<OrdersTable> {
  const {
    id,
    storeId,
    locationId,
    channel,
    customerId,
    status,
    currency,
    createdAt,
    placedAt,
    updatedAt,
    version,
    ...body
  } = record;
  return {
    store_id: storeId,
    id,
    location_id: locationId,
    channel,
    customer_id: customerId,
    status,
    currency,
    created_at: values.instant(createdAt),
    placed_at: values.optionalInstant(placedAt),
    updated_at: values.instant(updatedAt),
    version,
    body: values.json(body),
  };
}

/** An order row's record. */
export function orderRecord(row: Selectable<OrdersTable>, values: SqlValues): OrderRecord {
  return {
    ...values.readJson<OrderBody>(row.body),
    id: row.id,
    storeId: row.store_id,
    locationId: row.location_id,
    channel: row.channel as OrderChannel,
    customerId: row.customer_id,
    status: row.status,
    currency: row.currency,
    createdAt: values.readInstant(row.created_at),
    placedAt: values.readOptionalInstant(row.placed_at),
    updatedAt: values.readInstant(row.updated_at),
    version: readInteger(row.version),
  };
}

/** A history entry's row. */
export function historyRow(record: OrderHistoryRecord, values: SqlValues): Selectable<OrderHistoryTable> {
  return {
    store_id: record.storeId,
    order_id: record.orderId,
    sequence: record.sequence,
    event: record.event,
    from_state: record.from,
    to_state: record.to,
    actor_id: record.actorId,
    at: values.instant(record.at),
    reason: record.reason,
    details: values.json(record.details),
  };
}

/** A history row's record. */
export function historyRecord(row: Selectable<OrderHistoryTable>, values: SqlValues): OrderHistoryRecord {
  return {
    storeId: row.store_id,
    orderId: row.order_id,
    sequence: readInteger(row.sequence),
    event: row.event,
    from: row.from_state,
    to: row.to_state,
    actorId: row.actor_id,
    at: values.readInstant(row.at),
    reason: row.reason,
    details: values.readJson<OrderHistoryRecord['details']>(row.details),
  };
}
