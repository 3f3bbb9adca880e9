import type { SqlMigration } from './sql-migration.js';

/** The core tables: idempotency keys and the transactional outbox. */
export const coreMigration: SqlMigration = {
  name: '0001-core',
  async up(db, { family, types, name, table }) {
    await table(
      db.schema
        .createTable('idempotency_keys')
        .addColumn('store_id', types.key, (c) => c.notNull())
        .addColumn('command', types.key, (c) => c.notNull())
        .addColumn('key', types.key, (c) => c.notNull())
        .addColumn('request_hash', types.key, (c) => c.notNull())
        .addColumn('result', types.json)
        .addColumn('actor_id', types.key, (c) => c.notNull())
        .addColumn('created_at', types.instant, (c) => c.notNull())
        .addPrimaryKeyConstraint(name('idempotency_keys_pk'), ['store_id', 'command', 'key']),
    ).execute();
    await db.schema
      .createIndex(name('idempotency_keys_created_at'))
      .on('idempotency_keys')
      .column('created_at')
      .execute();

    let events = db.schema.createTable('outbox_events');
    events =
      family === 'postgres'
        ? events.addColumn('position', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        : family === 'mysql'
          ? events.addColumn('position', 'bigint', (c) => c.primaryKey().autoIncrement())
          : events.addColumn('position', 'integer', (c) => c.primaryKey().autoIncrement());
    await table(
      events
        .addColumn('id', types.key, (c) => c.notNull())
        // Streams name up to two ids (`stock:<location>:<sku>`, 407 characters): a long key.
        .addColumn('stream', types.longKey, (c) => c.notNull())
        .addColumn('stream_seq', types.integer, (c) => c.notNull())
        .addColumn('type', types.key, (c) => c.notNull())
        .addColumn('store_id', types.key)
        .addColumn('occurred_at', types.instant, (c) => c.notNull())
        .addColumn('actor_id', types.key, (c) => c.notNull())
        .addColumn('command', types.key, (c) => c.notNull())
        .addColumn('payload', types.json, (c) => c.notNull())
        .addColumn('schema_version', types.integer, (c) => c.notNull())
        .addUniqueConstraint(name('outbox_events_id'), ['id'])
        .addUniqueConstraint(name('outbox_events_stream_seq'), ['stream', 'stream_seq']),
    ).execute();

    await table(
      db.schema
        .createTable('outbox_streams')
        .addColumn('stream', types.longKey, (c) => c.primaryKey())
        .addColumn('last_seq', types.integer, (c) => c.notNull()),
    ).execute();

    await table(
      db.schema.createTable('outbox_consumers').addColumn('consumer', types.key, (c) => c.primaryKey()),
    ).execute();

    await table(
      db.schema
        .createTable('outbox_deliveries')
        .addColumn('consumer', types.key, (c) => c.notNull())
        .addColumn('position', 'bigint', (c) => c.notNull())
        .addColumn('leased_until', types.instant, (c) => c.notNull())
        .addColumn('acked', types.boolean, (c) => c.notNull())
        .addColumn('attempts', types.integer, (c) => c.notNull())
        .addPrimaryKeyConstraint(name('outbox_deliveries_pk'), ['consumer', 'position']),
    ).execute();
    // Claims read a consumer's unacknowledged deliveries in position order.
    await db.schema
      .createIndex(name('outbox_deliveries_acked'))
      .on('outbox_deliveries')
      .columns(['consumer', 'acked', 'position'])
      .execute();
  },
};
