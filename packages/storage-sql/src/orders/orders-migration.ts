import type { SqlMigration } from '../schema/sql-migration.js';

/**
 * The orders tables: each order is one versioned row (its nested parts in a JSON body), and its
 * history an append-only table beside it. Both are keyed by store first (a store's orders and
 * their history shard together) and have a unique index on the order id (ids are unique across
 * stores, and `insertOrder` refuses an id that exists anywhere).
 */
export const ordersMigration: SqlMigration = {
  name: '0004-orders',
  async up(db, { types, name, table }) {
    await table(
      db.schema
        .createTable('orders')
        .addColumn('store_id', types.key, (c) => c.notNull())
        .addColumn('id', types.key, (c) => c.notNull())
        .addColumn('location_id', types.key, (c) => c.notNull())
        .addColumn('channel', types.key, (c) => c.notNull())
        .addColumn('customer_id', types.key)
        .addColumn('status', types.key, (c) => c.notNull())
        .addColumn('currency', types.key, (c) => c.notNull())
        .addColumn('created_at', types.instant, (c) => c.notNull())
        .addColumn('placed_at', types.instant)
        .addColumn('updated_at', types.instant, (c) => c.notNull())
        .addColumn('version', types.integer, (c) => c.notNull())
        .addColumn('body', types.json, (c) => c.notNull())
        .addPrimaryKeyConstraint(name('orders_pk'), ['store_id', 'id']),
    ).execute();
    await db.schema.createIndex(name('orders_id')).on('orders').column('id').unique().execute();
    // A store's orders newest first (read backwards), and a customer's.
    await db.schema
      .createIndex(name('orders_store_created'))
      .on('orders')
      .columns(['store_id', 'created_at', 'id'])
      .execute();
    await db.schema
      .createIndex(name('orders_customer_created'))
      .on('orders')
      .columns(['customer_id', 'created_at', 'id'])
      .execute();
    // Chain-wide listings, newest first.
    await db.schema.createIndex(name('orders_created')).on('orders').columns(['created_at', 'id']).execute();

    await table(
      db.schema
        .createTable('order_history')
        .addColumn('store_id', types.key, (c) => c.notNull())
        .addColumn('order_id', types.key, (c) => c.notNull())
        .addColumn('sequence', types.integer, (c) => c.notNull())
        .addColumn('event', types.key, (c) => c.notNull())
        .addColumn('from_state', types.key, (c) => c.notNull())
        .addColumn('to_state', types.key, (c) => c.notNull())
        .addColumn('actor_id', types.key, (c) => c.notNull())
        .addColumn('at', types.instant, (c) => c.notNull())
        .addColumn('reason', types.text)
        .addColumn('details', types.json, (c) => c.notNull())
        .addPrimaryKeyConstraint(name('order_history_pk'), ['store_id', 'order_id', 'sequence']),
    ).execute();
    // An order's history by its id alone (order ids are unique across stores).
    await db.schema
      .createIndex(name('order_history_order'))
      .on('order_history')
      .columns(['order_id', 'sequence'])
      .unique()
      .execute();
  },
};
