import type { CreateTableBuilder, Kysely } from 'kysely';
import type { SqlMigration } from '../schema/sql-migration.js';
import type { CatalogLocksTable } from './catalog-tables.js';
import { nameKeyColumn } from './name-key-column.js';

/**
 * The catalog tables: categories, tax classes, products, SKUs, the barcode index, price lists,
 * prices, and `catalog_locks` (one row per named lock, `categories` among them). None belongs to
 * one store, so each is keyed by its own id (a SKU by its code, a barcode by its lookup key).
 */
export const catalogMigration: SqlMigration = {
  name: '0002-catalog',
  async up(db, { family, types, name, table }) {
    const nameKey = nameKeyColumn(family, types);
    const versioned = <T extends string, C extends string>(builder: CreateTableBuilder<T, C>) =>
      builder
        .addColumn('version', types.integer, (c) => c.notNull())
        .addColumn('created_at', types.instant, (c) => c.notNull())
        .addColumn('updated_at', types.instant, (c) => c.notNull());

    await table(
      versioned(
        db.schema
          .createTable('categories')
          .addColumn('id', types.key, (c) => c.notNull())
          .addColumn('name', types.text, (c) => c.notNull())
          .addColumn('parent_id', types.key)
          .addColumn('path', types.longKey, (c) => c.notNull()),
      ).addPrimaryKeyConstraint(name('categories_pk'), ['id']),
    ).execute();
    // Subtree reads and moves: `path LIKE 'prefix%'` (or a range), ordered by path.
    await db.schema.createIndex(name('categories_path')).on('categories').column('path').execute();

    await table(
      versioned(
        db.schema
          .createTable('tax_classes')
          .addColumn('id', types.key, (c) => c.notNull())
          .addColumn('name', types.text, (c) => c.notNull())
          // Kept as written ("7.50" stays "7.50"): text, not a decimal.
          .addColumn('rate', types.key, (c) => c.notNull())
          .addColumn('store_rates', types.json, (c) => c.notNull()),
      ).addPrimaryKeyConstraint(name('tax_classes_pk'), ['id']),
    ).execute();

    await table(
      versioned(
        db.schema
          .createTable('products')
          .addColumn('id', types.key, (c) => c.notNull())
          .addColumn('name', types.text, (c) => c.notNull())
          .addColumn('name_key', nameKey, (c) => c.notNull())
          .addColumn('description', types.text, (c) => c.notNull())
          .addColumn('category_id', types.key)
          .addColumn('tax_class_id', types.key, (c) => c.notNull())
          .addColumn('status', types.key, (c) => c.notNull()),
      ).addPrimaryKeyConstraint(name('products_pk'), ['id']),
    ).execute();
    // Searches read (name_key, id) in order (MySQL: a varchar(512) name key, see nameKeyColumn).
    await db.schema
      .createIndex(name('products_name_key'))
      .on('products')
      .columns(['name_key', 'id'])
      .execute();
    await db.schema.createIndex(name('products_category')).on('products').column('category_id').execute();

    await table(
      versioned(
        db.schema
          .createTable('skus')
          .addColumn('code', types.key, (c) => c.notNull())
          .addColumn('product_id', types.key, (c) => c.notNull())
          .addColumn('name', types.text, (c) => c.notNull())
          .addColumn('name_key', nameKey, (c) => c.notNull())
          .addColumn('options', types.json, (c) => c.notNull())
          .addColumn('unit_code', types.key, (c) => c.notNull())
          .addColumn('unit_scale', types.integer)
          .addColumn('status', types.key, (c) => c.notNull())
          .addColumn('cost_amount', types.decimal)
          .addColumn('cost_currency', types.key)
          .addColumn('list_prices', types.json, (c) => c.notNull()),
      ).addPrimaryKeyConstraint(name('skus_pk'), ['code']),
    ).execute();
    await db.schema.createIndex(name('skus_name_key')).on('skus').columns(['name_key', 'code']).execute();
    await db.schema.createIndex(name('skus_product')).on('skus').column('product_id').execute();

    await table(
      db.schema
        .createTable('barcodes')
        .addColumn('key', types.key, (c) => c.notNull())
        .addColumn('barcode', types.key, (c) => c.notNull())
        .addColumn('symbology', types.key, (c) => c.notNull())
        .addColumn('sku', types.key, (c) => c.notNull())
        .addColumn('created_at', types.instant, (c) => c.notNull())
        .addPrimaryKeyConstraint(name('barcodes_pk'), ['key']),
    ).execute();
    await db.schema.createIndex(name('barcodes_sku')).on('barcodes').columns(['sku', 'key']).execute();

    await table(
      versioned(
        db.schema
          .createTable('price_lists')
          .addColumn('id', types.key, (c) => c.notNull())
          .addColumn('name', types.text, (c) => c.notNull())
          .addColumn('currency', types.key, (c) => c.notNull())
          .addColumn('store_ids', types.json)
          .addColumn('priority', types.integer, (c) => c.notNull()),
      ).addPrimaryKeyConstraint(name('price_lists_pk'), ['id']),
    ).execute();

    await table(
      versioned(
        db.schema
          .createTable('prices')
          .addColumn('id', types.key, (c) => c.notNull())
          .addColumn('price_list_id', types.key, (c) => c.notNull())
          .addColumn('sku', types.key, (c) => c.notNull())
          .addColumn('store_id', types.key)
          .addColumn('amount', types.decimal, (c) => c.notNull())
          .addColumn('currency', types.key, (c) => c.notNull())
          .addColumn('valid_from', types.instant)
          .addColumn('valid_to', types.instant),
      ).addPrimaryKeyConstraint(name('prices_pk'), ['id']),
    ).execute();
    // A SKU's prices, and those of one SKU in one list (`lockPrices`).
    await db.schema
      .createIndex(name('prices_sku'))
      .on('prices')
      .columns(['sku', 'price_list_id', 'id'])
      .execute();

    await table(
      db.schema
        .createTable('catalog_locks')
        .addColumn('name', types.key, (c) => c.notNull())
        .addPrimaryKeyConstraint(name('catalog_locks_pk'), ['name']),
    ).execute();
    const locks = db as Kysely<{ catalog_locks: CatalogLocksTable }>;
    await locks.insertInto('catalog_locks').values({ name: 'categories' }).execute();
  },
};
