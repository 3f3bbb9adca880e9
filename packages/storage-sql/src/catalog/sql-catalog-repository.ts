import type {
  BarcodeRecord,
  BarcodeSymbology,
  CatalogRepository,
  CatalogStatus,
  CategoryRecord,
  PageRequest,
  PriceListRecord,
  PriceRecord,
  ProductFilter,
  ProductRecord,
  SkuFilter,
  SkuRecord,
  SkuUnit,
  TaxClassRecord,
} from '@retailkit/catalog';
import { ConflictError, type CurrencyCode, type MoneyJson, ValidationError } from '@retailkit/core';
import { type ExpressionBuilder, type InsertObject, type Kysely, sql } from 'kysely';
import type { Database } from '../schema/database.js';
import { insertIfAbsent } from '../sql/insert-if-absent.js';
import type { SqlContext } from '../sql/sql-context.js';
import { readInteger } from '../sql/sql-values.js';
import type {
  BarcodesTable,
  CategoriesTable,
  PriceListsTable,
  PricesTable,
  ProductsTable,
  SkusTable,
  TaxClassesTable,
} from './catalog-tables.js';
import { MYSQL_NAME_KEY_LENGTH } from './name-key-column.js';
import { codePointLength, startsWith } from './prefix-match.js';
import { readMoney } from './read-money.js';

type Row<T> = { [K in keyof T]: unknown };

/** The lock row `lockCategoryTree` takes (inserted by the migration). */
const CATEGORY_TREE_LOCK = 'categories';

/** A versioned table and the column that identifies its rows. */
type VersionedTable = 'categories' | 'tax_classes' | 'products' | 'skus' | 'price_lists' | 'prices';

/**
 * The catalog's records in SQL: one table per record type, keyed by its id (a SKU by its code, a
 * barcode by its lookup key). Optimistic writes are one guarded statement: an insert that does
 * nothing when the id exists, or `UPDATE … WHERE id = ? AND version = ?`, whose row count says
 * whether the guard held. Searches are keyset pages over indexes on (`name_key`, id).
 */
export class SqlCatalogRepository implements CatalogRepository {
  readonly #context: SqlContext;

  /** The repository bound to one transaction. */
  constructor(context: SqlContext) {
    this.#context = context;
  }

  // ---- categories ----------------------------------------------------------------------------

  async getCategory(id: string): Promise<CategoryRecord | undefined> {
    const row = await this.#context.db
      .selectFrom('categories')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && this.#category(row);
  }

  async putCategory(record: CategoryRecord, expectedVersion: number | null): Promise<void> {
    const { values } = this.#context;
    const row = {
      id: record.id,
      name: record.name,
      parent_id: record.parentId,
      path: record.path,
      version: record.version,
      created_at: values.instant(record.createdAt),
      updated_at: values.instant(record.updatedAt),
    };
    await this.#put('categories', 'category', record.id, expectedVersion, row);
  }

  async listCategories(pathPrefix?: string): Promise<readonly CategoryRecord[]> {
    const { db, family } = this.#context;
    let query = db.selectFrom('categories').selectAll();
    if (pathPrefix !== undefined && pathPrefix !== '') {
      query = query.where(startsWith(family, 'path', pathPrefix));
    }
    const rows = await query.orderBy('path').execute();
    return rows.map((row) => this.#category(row));
  }

  async repathCategories(from: string, to: string, updatedAt: string): Promise<number> {
    const { db, family, values } = this.#context;
    // substr counts characters (code points) in all three engines.
    const rest = sql`substr(${sql.ref('path')}, ${codePointLength(from) + 1})`;
    const path =
      family === 'mysql'
        ? sql<string>`concat(${to}, ${rest})`
        : family === 'postgres'
          ? sql<string>`cast(${to} as text) || ${rest}`
          : sql<string>`${to} || ${rest}`;
    const result = await db
      .updateTable('categories')
      .set((eb) => ({
        path,
        version: eb('version', '+', 1),
        updated_at: values.instant(updatedAt),
      }))
      .where(startsWith(family, 'path', from))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async lockCategoryTree(): Promise<void> {
    const { db, family } = this.#context;
    // SQLite's single writer already serialises; it has no FOR UPDATE.
    if (family === 'sqlite') return;
    await db
      .selectFrom('catalog_locks')
      .select('name')
      .where('name', '=', CATEGORY_TREE_LOCK)
      .forUpdate()
      .execute();
  }

  // ---- tax classes ---------------------------------------------------------------------------

  async getTaxClass(id: string): Promise<TaxClassRecord | undefined> {
    const row = await this.#context.db
      .selectFrom('tax_classes')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && this.#taxClass(row);
  }

  async putTaxClass(record: TaxClassRecord, expectedVersion: number | null): Promise<void> {
    const { values } = this.#context;
    const row = {
      id: record.id,
      name: record.name,
      rate: record.rate,
      store_rates: values.json(record.storeRates),
      version: record.version,
      created_at: values.instant(record.createdAt),
      updated_at: values.instant(record.updatedAt),
    };
    await this.#put('tax_classes', 'tax class', record.id, expectedVersion, row);
  }

  async listTaxClasses(): Promise<readonly TaxClassRecord[]> {
    const rows = await this.#context.db.selectFrom('tax_classes').selectAll().orderBy('id').execute();
    return rows.map((row) => this.#taxClass(row));
  }

  // ---- products ------------------------------------------------------------------------------

  async getProduct(id: string): Promise<ProductRecord | undefined> {
    const row = await this.#context.db
      .selectFrom('products')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && this.#product(row);
  }

  async putProduct(record: ProductRecord, expectedVersion: number | null): Promise<void> {
    this.#checkNameKey('product', record.id, record.nameKey);
    const { values } = this.#context;
    const row = {
      id: record.id,
      name: record.name,
      name_key: record.nameKey,
      description: record.description,
      category_id: record.categoryId,
      tax_class_id: record.taxClassId,
      status: record.status,
      version: record.version,
      created_at: values.instant(record.createdAt),
      updated_at: values.instant(record.updatedAt),
    };
    await this.#put('products', 'product', record.id, expectedVersion, row);
  }

  async searchProducts(filter: ProductFilter, page: PageRequest): Promise<readonly ProductRecord[]> {
    const { db, family } = this.#context;
    let query = db.selectFrom('products').selectAll();
    if (filter.namePrefix !== undefined && filter.namePrefix !== '') {
      query = query.where(startsWith(family, 'products.name_key', filter.namePrefix));
    }
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.categoryPath !== undefined) {
      const path = filter.categoryPath;
      query = query.where('category_id', 'in', (eb) => this.#categoryIdsUnder(eb, path));
    }
    const { after } = page;
    if (after !== undefined) {
      // The first condition is implied by the second; it gives the planner an index range to start at.
      query = query
        .where('name_key', '>=', after.nameKey)
        .where((eb) =>
          eb.or([
            eb('name_key', '>', after.nameKey),
            eb.and([eb('name_key', '=', after.nameKey), eb('id', '>', after.id)]),
          ]),
        );
    }
    const rows = await query.orderBy('name_key').orderBy('id').limit(page.limit).execute();
    return rows.map((row) => this.#product(row));
  }

  // ---- SKUs ----------------------------------------------------------------------------------

  async getSku(code: string): Promise<SkuRecord | undefined> {
    const row = await this.#context.db
      .selectFrom('skus')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirst();
    return row && this.#sku(row);
  }

  async putSku(record: SkuRecord, expectedVersion: number | null): Promise<void> {
    this.#checkNameKey('sku', record.code, record.nameKey);
    const { values } = this.#context;
    const { unit, cost } = record;
    const row = {
      code: record.code,
      product_id: record.productId,
      name: record.name,
      name_key: record.nameKey,
      options: values.json(record.options),
      unit_code: typeof unit === 'string' ? unit : unit.code,
      unit_scale: typeof unit === 'string' ? null : unit.scale,
      status: record.status,
      cost_amount: cost === null ? null : cost.amount,
      cost_currency: cost === null ? null : cost.currency,
      list_prices: values.json(record.listPrices),
      version: record.version,
      created_at: values.instant(record.createdAt),
      updated_at: values.instant(record.updatedAt),
    };
    await this.#put('skus', 'sku', record.code, expectedVersion, row);
  }

  async searchSkus(filter: SkuFilter, page: PageRequest): Promise<readonly SkuRecord[]> {
    const { db, family } = this.#context;
    let query = db.selectFrom('skus').selectAll();
    if (filter.namePrefix !== undefined && filter.namePrefix !== '') {
      query = query.where(startsWith(family, 'skus.name_key', filter.namePrefix));
    }
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.productId !== undefined) query = query.where('product_id', '=', filter.productId);
    if (filter.categoryPath !== undefined) {
      const path = filter.categoryPath;
      query = query.where('product_id', 'in', (eb) =>
        eb
          .selectFrom('products')
          .select('products.id')
          .where('products.category_id', 'in', this.#categoryIdsUnder(eb, path)),
      );
    }
    const { after } = page;
    if (after !== undefined) {
      // The first condition is implied by the second; it gives the planner an index range to start at.
      query = query
        .where('name_key', '>=', after.nameKey)
        .where((eb) =>
          eb.or([
            eb('name_key', '>', after.nameKey),
            eb.and([eb('name_key', '=', after.nameKey), eb('code', '>', after.id)]),
          ]),
        );
    }
    const rows = await query.orderBy('name_key').orderBy('code').limit(page.limit).execute();
    return rows.map((row) => this.#sku(row));
  }

  // ---- barcodes ------------------------------------------------------------------------------

  async findSkuByBarcode(key: string): Promise<BarcodeRecord | undefined> {
    const row = await this.#context.db
      .selectFrom('barcodes')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirst();
    return row && this.#barcode(row);
  }

  async listBarcodes(sku: string): Promise<readonly BarcodeRecord[]> {
    const rows = await this.#context.db
      .selectFrom('barcodes')
      .selectAll()
      .where('sku', '=', sku)
      .orderBy('key')
      .execute();
    return rows.map((row) => this.#barcode(row));
  }

  async claimBarcode(record: BarcodeRecord): Promise<boolean> {
    return insertIfAbsent(this.#context, 'barcodes', {
      key: record.key,
      barcode: record.barcode,
      symbology: record.symbology,
      sku: record.sku,
      created_at: this.#context.values.instant(record.createdAt),
    });
  }

  async releaseBarcode(key: string, sku: string): Promise<boolean> {
    const result = await this.#context.db
      .deleteFrom('barcodes')
      .where('key', '=', key)
      .where('sku', '=', sku)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  // ---- price lists and prices ----------------------------------------------------------------

  async getPriceList(id: string): Promise<PriceListRecord | undefined> {
    const row = await this.#context.db
      .selectFrom('price_lists')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && this.#priceList(row);
  }

  async putPriceList(record: PriceListRecord, expectedVersion: number | null): Promise<void> {
    const { values } = this.#context;
    const row = {
      id: record.id,
      name: record.name,
      currency: record.currency,
      store_ids: record.storeIds === null ? null : values.json(record.storeIds),
      priority: record.priority,
      version: record.version,
      created_at: values.instant(record.createdAt),
      updated_at: values.instant(record.updatedAt),
    };
    await this.#put('price_lists', 'price list', record.id, expectedVersion, row);
  }

  async listPriceLists(): Promise<readonly PriceListRecord[]> {
    const rows = await this.#context.db.selectFrom('price_lists').selectAll().orderBy('id').execute();
    return rows.map((row) => this.#priceList(row));
  }

  async getPrice(id: string): Promise<PriceRecord | undefined> {
    const row = await this.#context.db
      .selectFrom('prices')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && this.#price(row);
  }

  async putPrice(record: PriceRecord, expectedVersion: number | null): Promise<void> {
    const { values } = this.#context;
    const row = {
      id: record.id,
      price_list_id: record.priceListId,
      sku: record.sku,
      store_id: record.storeId,
      amount: record.amount.amount,
      currency: record.amount.currency,
      valid_from: values.optionalInstant(record.validFrom),
      valid_to: values.optionalInstant(record.validTo),
      version: record.version,
      created_at: values.instant(record.createdAt),
      updated_at: values.instant(record.updatedAt),
    };
    await this.#put('prices', 'price', record.id, expectedVersion, row);
  }

  async deletePrice(id: string): Promise<boolean> {
    const result = await this.#context.db.deleteFrom('prices').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async listPricesForSku(sku: string): Promise<readonly PriceRecord[]> {
    const rows = await this.#context.db
      .selectFrom('prices')
      .selectAll()
      .where('sku', '=', sku)
      .orderBy('id')
      .execute();
    return rows.map((row) => this.#price(row));
  }

  async lockPrices(priceListId: string, sku: string): Promise<readonly PriceRecord[]> {
    const { db, family } = this.#context;
    // The SKU's row is the lock; a separate statement then reads the prices, so that (under READ
    // COMMITTED) it sees what the transaction that held the lock before committed.
    if (family !== 'sqlite') {
      await db.selectFrom('skus').select('code').where('code', '=', sku).forUpdate().execute();
    }
    const rows = await db
      .selectFrom('prices')
      .selectAll()
      .where('sku', '=', sku)
      .where('price_list_id', '=', priceListId)
      .orderBy('id')
      .execute();
    return rows.map((row) => this.#price(row));
  }

  // ---- shared --------------------------------------------------------------------------------

  /** The ids of the categories in the subtree under `pathPrefix`, as a subquery. */
  #categoryIdsUnder(eb: ExpressionBuilder<Database, keyof Database>, pathPrefix: string) {
    const query = eb.selectFrom('categories').select('categories.id');
    return pathPrefix === ''
      ? query
      : query.where(startsWith(this.#context.family, 'categories.path', pathPrefix));
  }

  /**
   * The optimistic write of the port: with `expectedVersion` null an insert that does nothing when
   * the id is taken, otherwise `UPDATE … WHERE id = ? AND version = ?`; a retryable ConflictError
   * when the insert found the id or the update matched no row.
   */
  async #put<T extends VersionedTable>(
    table: T,
    entity: string,
    id: string,
    expectedVersion: number | null,
    row: InsertObject<Database, T>,
  ): Promise<void> {
    const { db } = this.#context;
    const idColumn = table === 'skus' ? 'code' : 'id';
    if (expectedVersion === null) {
      if (await insertIfAbsent(this.#context, table, row)) return;
      throw new ConflictError(`${entity} ${JSON.stringify(id)} already exists`, {
        retryable: true,
        details: { entity, id, expectedVersion, version: await this.#storedVersion(table, id) },
      });
    }
    const { [idColumn]: _id, ...changes } = row as Record<string, unknown>;
    const result = await versioned(db)
      .updateTable(table as VersionedTable)
      .set(changes)
      .where(idColumn, '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) return;
    throw new ConflictError(`${entity} ${JSON.stringify(id)} is not at version ${expectedVersion}`, {
      retryable: true,
      details: { entity, id, expectedVersion, version: await this.#storedVersion(table, id) },
    });
  }

  /** The stored version of a row, for a conflict's details (read only when a guard failed). */
  async #storedVersion(table: VersionedTable, id: string): Promise<number | null> {
    const row = await versioned(this.#context.db)
      .selectFrom(table)
      .select('version')
      .where(table === 'skus' ? 'code' : 'id', '=', id)
      .executeTakeFirst();
    return row === undefined ? null : readInteger(row.version);
  }

  /** MySQL keeps name keys in a varchar(512) (see MYSQL_NAME_KEY_LENGTH): refuse a longer one clearly. */
  #checkNameKey(entity: string, id: string, nameKey: string): void {
    if (this.#context.family !== 'mysql' || nameKey.length <= MYSQL_NAME_KEY_LENGTH) return;
    if (codePointLength(nameKey) <= MYSQL_NAME_KEY_LENGTH) return;
    throw new ValidationError(
      [
        {
          path: 'name',
          message: `its search key (NFKC, lower case) has more than ${MYSQL_NAME_KEY_LENGTH} characters, the most MySQL storage indexes`,
        },
      ],
      { context: `${entity} ${JSON.stringify(id)}` },
    );
  }

  #category(row: Row<CategoriesTable>): CategoryRecord {
    const { values } = this.#context;
    return {
      id: row.id as string,
      name: row.name as string,
      parentId: (row.parent_id ?? null) as string | null,
      path: row.path as string,
      version: readInteger(row.version),
      createdAt: values.readInstant(row.created_at),
      updatedAt: values.readInstant(row.updated_at),
    };
  }

  #taxClass(row: Row<TaxClassesTable>): TaxClassRecord {
    const { values } = this.#context;
    return {
      id: row.id as string,
      name: row.name as string,
      rate: row.rate as string,
      storeRates: values.readJson<TaxClassRecord['storeRates']>(row.store_rates),
      version: readInteger(row.version),
      createdAt: values.readInstant(row.created_at),
      updatedAt: values.readInstant(row.updated_at),
    };
  }

  #product(row: Row<ProductsTable>): ProductRecord {
    const { values } = this.#context;
    return {
      id: row.id as string,
      name: row.name as string,
      nameKey: row.name_key as string,
      description: row.description as string,
      categoryId: (row.category_id ?? null) as string | null,
      taxClassId: row.tax_class_id as string,
      status: row.status as CatalogStatus,
      version: readInteger(row.version),
      createdAt: values.readInstant(row.created_at),
      updatedAt: values.readInstant(row.updated_at),
    };
  }

  #sku(row: Row<SkusTable>): SkuRecord {
    const { values } = this.#context;
    const unitCode = row.unit_code as string;
    const unit: SkuUnit =
      row.unit_scale === null || row.unit_scale === undefined
        ? (unitCode as SkuUnit)
        : { code: unitCode, scale: readInteger(row.unit_scale) };
    return {
      code: row.code as string,
      productId: row.product_id as string,
      name: row.name as string,
      nameKey: row.name_key as string,
      options: values.readJson<SkuRecord['options']>(row.options),
      unit,
      status: row.status as CatalogStatus,
      cost:
        row.cost_amount === null || row.cost_amount === undefined
          ? null
          : readMoney(row.cost_amount, row.cost_currency as string),
      listPrices: values.readJson<readonly MoneyJson[]>(row.list_prices),
      version: readInteger(row.version),
      createdAt: values.readInstant(row.created_at),
      updatedAt: values.readInstant(row.updated_at),
    };
  }

  #barcode(row: Row<BarcodesTable>): BarcodeRecord {
    return {
      key: row.key as string,
      barcode: row.barcode as string,
      symbology: row.symbology as BarcodeSymbology,
      sku: row.sku as string,
      createdAt: this.#context.values.readInstant(row.created_at),
    };
  }

  #priceList(row: Row<PriceListsTable>): PriceListRecord {
    const { values } = this.#context;
    return {
      id: row.id as string,
      name: row.name as string,
      currency: row.currency as CurrencyCode,
      storeIds:
        row.store_ids === null || row.store_ids === undefined
          ? null
          : values.readJson<readonly string[]>(row.store_ids),
      priority: readInteger(row.priority),
      version: readInteger(row.version),
      createdAt: values.readInstant(row.created_at),
      updatedAt: values.readInstant(row.updated_at),
    };
  }

  #price(row: Row<PricesTable>): PriceRecord {
    const { values } = this.#context;
    return {
      id: row.id as string,
      priceListId: row.price_list_id as string,
      sku: row.sku as string,
      storeId: (row.store_id ?? null) as string | null,
      amount: readMoney(row.amount, row.currency as string),
      validFrom: values.readOptionalInstant(row.valid_from),
      validTo: values.readOptionalInstant(row.valid_to),
      version: readInteger(row.version),
      createdAt: values.readInstant(row.created_at),
      updatedAt: values.readInstant(row.updated_at),
    };
  }
}

/** What the optimistic write needs of every versioned table: its id (or code) and version columns. */
type VersionedRow = { id: string; code: string; version: number } & Record<string, unknown>;

/** The versioned tables, typed by the columns they share: the guard touches only those. */
function versioned(db: Kysely<Database>): Kysely<Record<string, VersionedRow>> {
  return db as unknown as Kysely<Record<string, VersionedRow>>;
}
