import type { SqlMigration } from '../schema/sql-migration.js';

/**
 * The inventory tables: locations, items, stock levels, the stock ledger, reservations, purchase
 * orders, transfers, counts, reorder rules and replenishment suggestions. Rows that belong to one
 * location have a primary key that starts with it; documents also have a unique index on their id
 * (ids are unique across locations, and `insert…` refuses an id that exists anywhere).
 */
export const inventoryMigration: SqlMigration = {
  name: '0003-inventory',
  async up(db, { types, name, table }) {
    await table(
      db.schema
        .createTable('locations')
        .addColumn('id', types.key, (c) => c.notNull())
        .addColumn('kind', types.key, (c) => c.notNull())
        .addColumn('name', types.text, (c) => c.notNull())
        .addColumn('time_zone', types.key, (c) => c.notNull())
        .addColumn('day_start', types.key, (c) => c.notNull())
        .addColumn('currency', types.key, (c) => c.notNull())
        .addColumn('status', types.key, (c) => c.notNull())
        .addColumn('created_at', types.instant, (c) => c.notNull())
        .addPrimaryKeyConstraint(name('locations_pk'), ['id']),
    ).execute();
    await db.schema.createIndex(name('locations_kind')).on('locations').columns(['kind', 'id']).execute();

    await table(
      db.schema
        .createTable('stock_items')
        .addColumn('sku', types.key, (c) => c.notNull())
        .addColumn('name', types.text, (c) => c.notNull())
        .addColumn('unit', types.key, (c) => c.notNull())
        .addColumn('scale', types.integer, (c) => c.notNull())
        .addColumn('category_id', types.key)
        .addColumn('status', types.key, (c) => c.notNull())
        .addColumn('created_at', types.instant, (c) => c.notNull())
        .addPrimaryKeyConstraint(name('stock_items_pk'), ['sku']),
    ).execute();
    await db.schema
      .createIndex(name('stock_items_category'))
      .on('stock_items')
      .columns(['category_id', 'sku'])
      .execute();

    await table(
      db.schema
        .createTable('stock_levels')
        .addColumn('location_id', types.key, (c) => c.notNull())
        .addColumn('sku', types.key, (c) => c.notNull())
        .addColumn('on_hand', types.decimal, (c) => c.notNull())
        .addColumn('reserved', types.decimal, (c) => c.notNull())
        .addColumn('incoming', types.decimal, (c) => c.notNull())
        .addColumn('in_transit', types.decimal, (c) => c.notNull())
        .addColumn('safety_stock', types.decimal, (c) => c.notNull())
        .addColumn('backorder', types.key, (c) => c.notNull())
        .addColumn('backorder_limit', types.decimal)
        .addColumn('average_cost', types.decimal)
        .addColumn('updated_at', types.instant, (c) => c.notNull())
        .addPrimaryKeyConstraint(name('stock_levels_pk'), ['location_id', 'sku']),
    ).execute();
    // A SKU's levels across locations (availability, levels by SKU).
    await db.schema
      .createIndex(name('stock_levels_sku'))
      .on('stock_levels')
      .columns(['sku', 'location_id'])
      .execute();

    await table(
      db.schema
        .createTable('stock_movements')
        .addColumn('location_id', types.key, (c) => c.notNull())
        .addColumn('occurred_at', types.instant, (c) => c.notNull())
        .addColumn('id', types.key, (c) => c.notNull())
        .addColumn('sku', types.key, (c) => c.notNull())
        .addColumn('reason', types.key, (c) => c.notNull())
        .addColumn('sub_reason', types.key)
        .addColumn('quantity', types.decimal, (c) => c.notNull())
        .addColumn('unit_cost', types.decimal)
        .addColumn('reference_type', types.key)
        .addColumn('reference_id', types.key)
        .addColumn('actor_id', types.key, (c) => c.notNull())
        .addColumn('business_date', types.date, (c) => c.notNull())
        .addColumn('note', types.text)
        // A location's ledger in listing order (occurred_at, id), without a separate index.
        .addPrimaryKeyConstraint(name('stock_movements_pk'), ['location_id', 'occurred_at', 'id']),
    ).execute();
    await db.schema
      .createIndex(name('stock_movements_id'))
      .on('stock_movements')
      .column('id')
      .unique()
      .execute();
    await db.schema
      .createIndex(name('stock_movements_sku'))
      .on('stock_movements')
      .columns(['location_id', 'sku', 'occurred_at', 'id'])
      .execute();
    await db.schema
      .createIndex(name('stock_movements_time'))
      .on('stock_movements')
      .columns(['occurred_at', 'id'])
      .execute();

    await table(
      db.schema
        .createTable('reservations')
        .addColumn('location_id', types.key, (c) => c.notNull())
        .addColumn('id', types.key, (c) => c.notNull())
        .addColumn('reference', types.key, (c) => c.notNull())
        .addColumn('status', types.key, (c) => c.notNull())
        .addColumn('lines', types.json, (c) => c.notNull())
        .addColumn('expires_at', types.instant)
        .addColumn('actor_id', types.key, (c) => c.notNull())
        .addColumn('created_at', types.instant, (c) => c.notNull())
        .addColumn('updated_at', types.instant, (c) => c.notNull())
        .addColumn('version', types.integer, (c) => c.notNull())
        .addPrimaryKeyConstraint(name('reservations_pk'), ['location_id', 'id']),
    ).execute();
    await db.schema.createIndex(name('reservations_id')).on('reservations').column('id').unique().execute();
    await db.schema
      .createIndex(name('reservations_reference'))
      .on('reservations')
      .columns(['reference', 'id'])
      .execute();
    // Expiry sweeps: open reservations by expiry.
    await db.schema
      .createIndex(name('reservations_expiry'))
      .on('reservations')
      .columns(['status', 'expires_at'])
      .execute();

    await table(
      db.schema
        .createTable('purchase_orders')
        .addColumn('location_id', types.key, (c) => c.notNull())
        .addColumn('id', types.key, (c) => c.notNull())
        .addColumn('supplier_id', types.key, (c) => c.notNull())
        .addColumn('status', types.key, (c) => c.notNull())
        .addColumn('currency', types.key, (c) => c.notNull())
        .addColumn('lines', types.json, (c) => c.notNull())
        .addColumn('expected_on', types.date)
        .addColumn('suggestion_id', types.key)
        .addColumn('created_at', types.instant, (c) => c.notNull())
        .addColumn('updated_at', types.instant, (c) => c.notNull())
        .addColumn('version', types.integer, (c) => c.notNull())
        .addPrimaryKeyConstraint(name('purchase_orders_pk'), ['location_id', 'id']),
    ).execute();
    await db.schema
      .createIndex(name('purchase_orders_id'))
      .on('purchase_orders')
      .column('id')
      .unique()
      .execute();

    await table(
      db.schema
        .createTable('transfers')
        .addColumn('from_location_id', types.key, (c) => c.notNull())
        .addColumn('id', types.key, (c) => c.notNull())
        .addColumn('to_location_id', types.key, (c) => c.notNull())
        .addColumn('status', types.key, (c) => c.notNull())
        .addColumn('lines', types.json, (c) => c.notNull())
        .addColumn('suggestion_id', types.key)
        .addColumn('shipped_at', types.instant)
        .addColumn('created_at', types.instant, (c) => c.notNull())
        .addColumn('updated_at', types.instant, (c) => c.notNull())
        .addColumn('version', types.integer, (c) => c.notNull())
        .addPrimaryKeyConstraint(name('transfers_pk'), ['from_location_id', 'id']),
    ).execute();
    await db.schema.createIndex(name('transfers_id')).on('transfers').column('id').unique().execute();
    await db.schema
      .createIndex(name('transfers_to'))
      .on('transfers')
      .columns(['to_location_id', 'id'])
      .execute();

    await table(
      db.schema
        .createTable('stock_counts')
        .addColumn('location_id', types.key, (c) => c.notNull())
        .addColumn('id', types.key, (c) => c.notNull())
        .addColumn('status', types.key, (c) => c.notNull())
        .addColumn('blind', types.boolean, (c) => c.notNull())
        .addColumn('scope', types.key, (c) => c.notNull())
        .addColumn('lines', types.json, (c) => c.notNull())
        .addColumn('opened_at', types.instant, (c) => c.notNull())
        .addColumn('posted_at', types.instant)
        .addColumn('updated_at', types.instant, (c) => c.notNull())
        .addColumn('version', types.integer, (c) => c.notNull())
        .addPrimaryKeyConstraint(name('stock_counts_pk'), ['location_id', 'id']),
    ).execute();
    await db.schema.createIndex(name('stock_counts_id')).on('stock_counts').column('id').unique().execute();

    await table(
      db.schema
        .createTable('reorder_rules')
        .addColumn('location_id', types.key, (c) => c.notNull())
        .addColumn('sku', types.key, (c) => c.notNull())
        .addColumn('reorder_point', types.decimal, (c) => c.notNull())
        .addColumn('method', types.key, (c) => c.notNull())
        .addColumn('reorder_quantity', types.decimal)
        .addColumn('max_level', types.decimal)
        .addColumn('lead_time_days', types.integer, (c) => c.notNull())
        .addColumn('demand_window_days', types.integer)
        .addColumn('source', types.json, (c) => c.notNull())
        .addColumn('alerting', types.boolean, (c) => c.notNull())
        .addColumn('updated_at', types.instant, (c) => c.notNull())
        .addPrimaryKeyConstraint(name('reorder_rules_pk'), ['location_id', 'sku']),
    ).execute();

    await table(
      db.schema
        .createTable('replenishment_suggestions')
        .addColumn('location_id', types.key, (c) => c.notNull())
        .addColumn('id', types.key, (c) => c.notNull())
        .addColumn('sku', types.key, (c) => c.notNull())
        .addColumn('quantity', types.decimal, (c) => c.notNull())
        .addColumn('source', types.json, (c) => c.notNull())
        .addColumn('status', types.key, (c) => c.notNull())
        .addColumn('document_type', types.key)
        .addColumn('document_id', types.key)
        .addColumn('basis', types.json, (c) => c.notNull())
        .addColumn('created_at', types.instant, (c) => c.notNull())
        .addColumn('updated_at', types.instant, (c) => c.notNull())
        .addColumn('version', types.integer, (c) => c.notNull())
        .addPrimaryKeyConstraint(name('replenishment_suggestions_pk'), ['location_id', 'id']),
    ).execute();
    await db.schema
      .createIndex(name('replenishment_suggestions_id'))
      .on('replenishment_suggestions')
      .column('id')
      .unique()
      .execute();
    // A key's suggestions (open ones are looked up per key when rules fire).
    await db.schema
      .createIndex(name('replenishment_suggestions_key'))
      .on('replenishment_suggestions')
      .columns(['location_id', 'sku', 'status'])
      .execute();
  },
};
