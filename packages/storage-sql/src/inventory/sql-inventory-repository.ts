import { ConflictError } from '@retailkit/core';
import type {
  InventoryRepository,
  LocationKind,
  LocationRecord,
  MovementFilter,
  MovementTotal,
  Page,
  PageRequest,
  PurchaseOrderRecord,
  PurchaseOrderStatus,
  ReorderRuleRecord,
  ReplenishmentSuggestionRecord,
  ReservationRecord,
  ReservationStatus,
  StockCountRecord,
  StockDelta,
  StockItemRecord,
  StockKey,
  StockLevelRecord,
  StockMovementRecord,
  SuggestionStatus,
  TransferRecord,
  TransferStatus,
} from '@retailkit/inventory';
import {
  type Expression,
  type ExpressionBuilder,
  type RawBuilder,
  type SqlBool,
  sql,
  type UpdateObject,
} from 'kysely';
import type { Database } from '../schema/database.js';
import { isMysqlDuplicateKey } from '../sql/driver-errors.js';
import { insertIfAbsent } from '../sql/insert-if-absent.js';
import type { SqlContext } from '../sql/sql-context.js';
import { dateText, readDecimal } from '../sql/sql-values.js';
import {
  countRecord,
  countRow,
  itemRecord,
  itemRow,
  levelRecord,
  levelRow,
  locationRecord,
  locationRow,
  movementRecord,
  movementRow,
  purchaseOrderRecord,
  purchaseOrderRow,
  reorderRuleRecord,
  reorderRuleRow,
  reservationRecord,
  reservationRow,
  suggestionRecord,
  suggestionRow,
  transferRecord,
  transferRow,
} from './inventory-rows.js';
import { type CursorPart, checkLimit, decodeCursor, EMPTY_PAGE, keysetAfter, pageOf } from './keyset-page.js';
import { insertNewRow, proposed, updateVersionedRow, upsertRow } from './row-writes.js';
import {
  addScaled,
  compareScaled,
  formatDecimal,
  parseDecimal,
  type ScaledDecimal,
  subtractScaled,
  ZERO,
} from './scaled-decimal.js';

/** Rows per INSERT or `IN (…)` list: well within every engine's limit on bound parameters. */
const BATCH = 500;

/** Most reorder rules read ahead in one statement (see `getReorderRule`). */
const RULE_READ_AHEAD = 100;

/** A map key for a stock key; the length prefix keeps `("ab", "c")` and `("a", "bc")` apart. */
const stockKeyOf = (key: StockKey) => `${key.locationId.length}:${key.locationId}${key.sku}`;

const STOCK_KEY = ['location_id', 'sku'] as const;
const BY_KEY: readonly CursorPart[] = ['key'];
const BY_STOCK_KEY: readonly CursorPart[] = ['key', 'key'];
const BY_OCCURRENCE: readonly CursorPart[] = ['instant', 'key'];

const MOVEMENT_COLUMNS = [
  'location_id',
  'occurred_at',
  'id',
  'sku',
  'reason',
  'sub_reason',
  'quantity',
  'unit_cost',
  'reference_type',
  'reference_id',
  'actor_id',
  'note',
] as const;

const PURCHASE_ORDER_COLUMNS = [
  'location_id',
  'id',
  'supplier_id',
  'status',
  'currency',
  'lines',
  'suggestion_id',
  'created_at',
  'updated_at',
  'version',
] as const;

const byId = (record: { readonly id: string }) => [record.id];
const byStockKey = (record: StockKey) => [record.locationId, record.sku];
const byOccurrence = (record: StockMovementRecord) => [record.occurredAt, record.id];

/** A stock level row to insert. */
interface LevelInsert {
  location_id: string;
  sku: string;
  on_hand: string;
  reserved: string;
  incoming: string;
  in_transit: string;
  safety_stock: string;
  backorder: string;
  backorder_limit: string | null;
  average_cost: string | null;
  updated_at: unknown;
}

/** The level a key has before anything happened to it, as a row. */
function zeroLevelRow(key: StockKey, updatedAt: unknown): LevelInsert {
  return {
    location_id: key.locationId,
    sku: key.sku,
    on_hand: '0',
    reserved: '0',
    incoming: '0',
    in_transit: '0',
    safety_stock: '0',
    backorder: 'refuse',
    backorder_limit: null,
    average_cost: null,
    updated_at: updatedAt,
  };
}

/** `column + change`, or the column alone when it does not change. */
function shifted(context: SqlContext, column: string, change: string | undefined): RawBuilder<unknown> {
  return change === undefined
    ? sql`${sql.ref(column)}`
    : sql`${sql.ref(column)} + ${context.values.decimal(change)}`;
}

/** A balance after an optional change, parsed (SQLite's arithmetic in JS). */
function shift(balance: string, change: string | undefined) {
  const before = parseDecimal(balance);
  return change === undefined ? before : addScaled(before, parseDecimal(change));
}

/**
 * The inventory's records in SQL. Stock changes are single guarded UPDATE statements that hold the
 * row lock until the transaction ends; versioned documents are replaced by UPDATEs guarded by
 * their version; listings page by keyset on their sort key. See docs/schema.md for the tables.
 */
export class SqlInventoryRepository implements InventoryRepository {
  readonly #context: SqlContext;
  /** The stock keys whose level row this transaction has locked (by update or upsert). */
  readonly #lockedLevels = new Map<string, StockKey>();
  /** Reorder rules of locked keys as read in this transaction (null: none). */
  readonly #rules = new Map<string, ReorderRuleRecord | null>();

  /** The repository bound to one transaction. */
  constructor(context: SqlContext) {
    this.#context = context;
  }

  // Locations

  async getLocation(id: string): Promise<LocationRecord | undefined> {
    const { db, values } = this.#context;
    const row = await db.selectFrom('locations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && locationRecord(row, values);
  }

  async putLocation(record: LocationRecord): Promise<void> {
    await upsertRow(this.#context, 'locations', locationRow(record, this.#context.values), ['id']);
  }

  async listLocations(
    filter: { readonly kind?: LocationKind | undefined },
    page: PageRequest,
  ): Promise<Page<LocationRecord>> {
    checkLimit(page);
    const { db, values } = this.#context;
    let query = db.selectFrom('locations').selectAll();
    if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
    if (page.after !== undefined) query = query.where(keysetAfter(['id'], this.#cursor(page.after, BY_KEY)));
    const rows = await query
      .orderBy('id')
      .limit(page.limit + 1)
      .execute();
    return pageOf(rows, page.limit, (row) => locationRecord(row, values), byId);
  }

  // Items

  async getItem(sku: string): Promise<StockItemRecord | undefined> {
    const { db, values } = this.#context;
    const row = await db.selectFrom('stock_items').selectAll().where('sku', '=', sku).executeTakeFirst();
    return row && itemRecord(row, values);
  }

  async getItems(skus: readonly string[]): Promise<readonly StockItemRecord[]> {
    const { db, values } = this.#context;
    const unique = [...new Set(skus)];
    const found: StockItemRecord[] = [];
    for (let start = 0; start < unique.length; start += BATCH) {
      const rows = await db
        .selectFrom('stock_items')
        .selectAll()
        .where('sku', 'in', unique.slice(start, start + BATCH))
        .execute();
      for (const row of rows) found.push(itemRecord(row, values));
    }
    return found;
  }

  async putItem(record: StockItemRecord): Promise<void> {
    await upsertRow(this.#context, 'stock_items', itemRow(record, this.#context.values), ['sku']);
  }

  async listItems(
    filter: { readonly categoryId?: string | undefined },
    page: PageRequest,
  ): Promise<Page<StockItemRecord>> {
    checkLimit(page);
    const { db, values } = this.#context;
    let query = db.selectFrom('stock_items').selectAll();
    if (filter.categoryId !== undefined) query = query.where('category_id', '=', filter.categoryId);
    if (page.after !== undefined) query = query.where(keysetAfter(['sku'], this.#cursor(page.after, BY_KEY)));
    const rows = await query
      .orderBy('sku')
      .limit(page.limit + 1)
      .execute();
    return pageOf(
      rows,
      page.limit,
      (row) => itemRecord(row, values),
      (record) => [record.sku],
    );
  }

  // Stock levels

  async getLevel(key: StockKey): Promise<StockLevelRecord | undefined> {
    const { db, values } = this.#context;
    const row = await db
      .selectFrom('stock_levels')
      .selectAll()
      .where('location_id', '=', key.locationId)
      .where('sku', '=', key.sku)
      .executeTakeFirst();
    return row && levelRecord(row, values);
  }

  async applyStockDelta(
    key: StockKey,
    delta: StockDelta,
    guard: { readonly availableFloor: string | null | 'policy'; readonly now: string },
  ): Promise<StockLevelRecord | undefined> {
    const { family, values } = this.#context;
    if (family === 'sqlite') return this.#applyStockDeltaInJs(key, delta, guard);
    const update = this.#guardedDelta(key, delta, guard);
    const zero = zeroLevelRow(key, values.instant(guard.now));
    if (family === 'postgres') {
      // One statement when the row exists and the guard holds: the hot path.
      let row = await update.returningAll().executeTakeFirst();
      if (!row) {
        // No row, or the guard failed: make sure the row exists (waiting for a concurrent insert
        // of it to commit), then run the update once more; its result is final.
        await insertIfAbsent(this.#context, 'stock_levels', zero);
        row = await update.returningAll().executeTakeFirst();
        if (!row) return undefined;
      }
      this.#locked(key);
      return levelRecord(row, values);
    }
    // MySQL: no RETURNING. The row count is the matched rows (the guard held); the row is then
    // read under our own lock.
    let result = await update.executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      // Lock the row, inserting it if there is none, with an upsert that changes nothing: it takes
      // the exclusive lock either way. A plain insert hitting the row would leave a shared lock that
      // every refused transaction then tries to upgrade for the second update: a deadlock.
      await this.#context.db
        .insertInto('stock_levels')
        .values(zero)
        .onDuplicateKeyUpdate({ updated_at: sql.ref('updated_at') })
        .execute();
      result = await update.executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return undefined;
    }
    this.#locked(key);
    return this.getLevel(key);
  }

  /** The sort key of a page request's cursor (keys may hold NUL but on PostgreSQL). */
  #cursor(after: string, parts: readonly CursorPart[]): string[] {
    return decodeCursor(after, parts, this.#context.family !== 'postgres');
  }

  /** Notes that this transaction holds the level row of `key` until it ends. */
  #locked(key: StockKey): void {
    const mapKey = stockKeyOf(key);
    if (!this.#lockedLevels.has(mapKey)) {
      this.#lockedLevels.set(mapKey, { locationId: key.locationId, sku: key.sku });
    }
  }

  /**
   * `UPDATE stock_levels SET <changed balances> = <balance> + <change>, updated_at = now WHERE key
   * AND reserved, incoming and in_transit stay ≥ 0 AND (on_hand − reserved) afterwards ≥ floor`.
   */
  #guardedDelta(
    key: StockKey,
    delta: StockDelta,
    guard: { readonly availableFloor: string | null | 'policy'; readonly now: string },
  ) {
    const context = this.#context;
    const { db, values } = context;
    const set: UpdateObject<Database, 'stock_levels'> = {};
    if (delta.onHand !== undefined) set.on_hand = shifted(context, 'on_hand', delta.onHand);
    if (delta.reserved !== undefined) set.reserved = shifted(context, 'reserved', delta.reserved);
    if (delta.incoming !== undefined) set.incoming = shifted(context, 'incoming', delta.incoming);
    if (delta.inTransit !== undefined) set.in_transit = shifted(context, 'in_transit', delta.inTransit);
    set.updated_at = values.instant(guard.now);
    const reserved = shifted(context, 'reserved', delta.reserved);
    let update = db
      .updateTable('stock_levels')
      .set(set)
      .where('location_id', '=', key.locationId)
      .where('sku', '=', key.sku)
      .where(sql<SqlBool>`${reserved} >= 0`)
      .where(sql<SqlBool>`${shifted(context, 'incoming', delta.incoming)} >= 0`)
      .where(sql<SqlBool>`${shifted(context, 'in_transit', delta.inTransit)} >= 0`);
    const onHand = shifted(context, 'on_hand', delta.onHand);
    if (guard.availableFloor === 'policy') {
      // The level's own backorder policy, read under the row lock the update takes.
      update = update.where(
        sql<SqlBool>`((${sql.ref('backorder')} = 'allow' and ${sql.ref('backorder_limit')} is null) or (${onHand}) - (${reserved}) >= case when ${sql.ref('backorder')} = 'allow' then -${sql.ref('backorder_limit')} else 0 end)`,
      );
    } else if (guard.availableFloor !== null) {
      update = update.where(
        sql<SqlBool>`(${onHand}) - (${reserved}) >= ${values.decimal(guard.availableFloor)}`,
      );
    }
    return update;
  }

  /** SQLite: read, compute exactly in JS, write; safe because SQLite has one writer at a time. */
  async #applyStockDeltaInJs(
    key: StockKey,
    delta: StockDelta,
    guard: { readonly availableFloor: string | null | 'policy'; readonly now: string },
  ): Promise<StockLevelRecord | undefined> {
    const { db, values } = this.#context;
    const current = await this.getLevel(key);
    const onHand = shift(current?.onHand ?? '0', delta.onHand);
    const reserved = shift(current?.reserved ?? '0', delta.reserved);
    const incoming = shift(current?.incoming ?? '0', delta.incoming);
    const inTransit = shift(current?.inTransit ?? '0', delta.inTransit);
    if (reserved.units < 0n || incoming.units < 0n || inTransit.units < 0n) return undefined;
    const { availableFloor } = guard;
    const floor =
      availableFloor === 'policy'
        ? policyFloor(current)
        : availableFloor === null
          ? null
          : parseDecimal(availableFloor);
    if (floor !== null && compareScaled(subtractScaled(onHand, reserved), floor) < 0) return undefined;
    const next: StockLevelRecord = {
      locationId: key.locationId,
      sku: key.sku,
      onHand: formatDecimal(onHand),
      reserved: formatDecimal(reserved),
      incoming: formatDecimal(incoming),
      inTransit: formatDecimal(inTransit),
      safetyStock: current?.safetyStock ?? '0',
      backorder: current?.backorder ?? 'refuse',
      backorderLimit: current?.backorderLimit ?? null,
      averageCost: current?.averageCost ?? null,
      updatedAt: guard.now,
    };
    this.#locked(key);
    if (!current) {
      await db.insertInto('stock_levels').values(levelRow(next, values)).execute();
      return next;
    }
    const set: UpdateObject<Database, 'stock_levels'> = { updated_at: values.instant(guard.now) };
    if (delta.onHand !== undefined) set.on_hand = next.onHand;
    if (delta.reserved !== undefined) set.reserved = next.reserved;
    if (delta.incoming !== undefined) set.incoming = next.incoming;
    if (delta.inTransit !== undefined) set.in_transit = next.inTransit;
    await db
      .updateTable('stock_levels')
      .set(set)
      .where('location_id', '=', key.locationId)
      .where('sku', '=', key.sku)
      .execute();
    return next;
  }

  async updateLevelSettings(
    key: StockKey,
    settings: Partial<
      Pick<StockLevelRecord, 'safetyStock' | 'backorder' | 'backorderLimit' | 'averageCost'>
    > & { readonly now: string },
  ): Promise<StockLevelRecord> {
    const context = this.#context;
    const { db, family, values } = context;
    const { safetyStock, backorder, backorderLimit, averageCost, now } = settings;
    const row = zeroLevelRow(key, values.instant(now));
    const updates: UpdateObject<Database, 'stock_levels'> = {};
    if (safetyStock !== undefined) {
      row.safety_stock = safetyStock;
      updates.safety_stock = proposed(context, 'safety_stock');
    }
    if (backorder !== undefined) {
      row.backorder = backorder;
      updates.backorder = proposed<string>(context, 'backorder');
    }
    if (backorderLimit !== undefined) {
      row.backorder_limit = backorderLimit;
      updates.backorder_limit = proposed(context, 'backorder_limit');
    }
    if (averageCost !== undefined) {
      row.average_cost = averageCost;
      updates.average_cost = proposed(context, 'average_cost');
    }
    updates.updated_at = proposed(context, 'updated_at');
    // An upsert locks the row whether it inserts or updates.
    const insert = db.insertInto('stock_levels').values(row);
    this.#locked(key);
    if (family === 'mysql') {
      await insert.onDuplicateKeyUpdate(updates).execute();
      return (await this.getLevel(key)) as StockLevelRecord;
    }
    const stored = await insert
      .onConflict((conflict) => conflict.columns(STOCK_KEY).doUpdateSet(updates))
      .returningAll()
      .executeTakeFirstOrThrow();
    return levelRecord(stored, values);
  }

  async putLevel(record: StockLevelRecord): Promise<void> {
    await upsertRow(this.#context, 'stock_levels', levelRow(record, this.#context.values), STOCK_KEY);
    this.#locked(record);
  }

  async listLevels(
    filter: { readonly locationId?: string | undefined; readonly sku?: string | undefined },
    page: PageRequest,
  ): Promise<Page<StockLevelRecord>> {
    checkLimit(page);
    const { db, values } = this.#context;
    let query = db.selectFrom('stock_levels').selectAll();
    if (filter.locationId !== undefined) query = query.where('location_id', '=', filter.locationId);
    if (filter.sku !== undefined) query = query.where('sku', '=', filter.sku);
    if (page.after !== undefined) {
      query = query.where(keysetAfter(STOCK_KEY, this.#cursor(page.after, BY_STOCK_KEY)));
    }
    const rows = await query
      .orderBy('location_id')
      .orderBy('sku')
      .limit(page.limit + 1)
      .execute();
    return pageOf(rows, page.limit, (row) => levelRecord(row, values), byStockKey);
  }

  // Ledger

  async appendMovements(records: readonly StockMovementRecord[]): Promise<void> {
    const ids = new Set<string>();
    for (const record of records) {
      if (ids.has(record.id)) throw duplicateMovement(record.id);
      ids.add(record.id);
    }
    const written: string[] = [];
    for (let start = 0; start < records.length; start += BATCH) {
      const duplicate = await this.#insertMovements(records.slice(start, start + BATCH), written);
      if (duplicate === undefined) continue;
      // Take back what this call wrote, so a refused batch writes none of it (as in memory) even
      // when the caller catches the error and goes on.
      for (let from = 0; from < written.length; from += BATCH) {
        await this.#context.db
          .deleteFrom('stock_movements')
          .where('id', 'in', written.slice(from, from + BATCH))
          .execute();
      }
      throw duplicateMovement(duplicate);
    }
  }

  /**
   * One multi-row INSERT, adding the ids it wrote to `written`; returns the id of a movement that
   * already exists (the INSERT then wrote only the others, or none on MySQL), or undefined.
   */
  async #insertMovements(
    records: readonly StockMovementRecord[],
    written: string[],
  ): Promise<string | undefined> {
    const { db, family, values } = this.#context;
    const rows = records.map((record) => movementRow(record, values));
    if (family !== 'mysql') {
      const inserted = await db
        .insertInto('stock_movements')
        .values(rows)
        .onConflict((conflict) => conflict.doNothing())
        .returning('id')
        .execute();
      const ids = new Set<string>();
      for (const row of inserted) {
        ids.add(row.id);
        written.push(row.id);
      }
      return records.find((record) => !ids.has(record.id))?.id;
    }
    try {
      await db.insertInto('stock_movements').values(rows).execute();
      for (const record of records) written.push(record.id);
      return undefined;
    } catch (error) {
      // A duplicate key fails the statement only (nothing of it is written), not the transaction.
      if (!isMysqlDuplicateKey(error)) throw error;
    }
    const existing = await db
      .selectFrom('stock_movements')
      .select('id')
      .where(
        'id',
        'in',
        records.map((record) => record.id),
      )
      .executeTakeFirst();
    return existing?.id ?? (records[0] as StockMovementRecord).id;
  }

  async listMovements(filter: MovementFilter, page: PageRequest): Promise<Page<StockMovementRecord>> {
    checkLimit(page);
    if (filter.reasons !== undefined && filter.reasons.length === 0) return EMPTY_PAGE;
    const { db, values } = this.#context;
    let query = db
      .selectFrom('stock_movements')
      .select(MOVEMENT_COLUMNS)
      .select(dateText('business_date', 'business_date'))
      .where((eb) => this.#movementFilter(eb, filter));
    if (page.after !== undefined) {
      const [occurredAt, id] = this.#cursor(page.after, BY_OCCURRENCE) as [string, string];
      query = query.where(keysetAfter(['occurred_at', 'id'], [values.instant(occurredAt), id]));
    }
    const rows = await query
      .orderBy('occurred_at')
      .orderBy('id')
      .limit(page.limit + 1)
      .execute();
    return pageOf(rows, page.limit, (row) => movementRecord(row, values), byOccurrence);
  }

  async movementTotals(filter: MovementFilter): Promise<readonly MovementTotal[]> {
    if (filter.reasons !== undefined && filter.reasons.length === 0) return [];
    const { db, family } = this.#context;
    if (family !== 'sqlite') {
      const rows = await db
        .selectFrom('stock_movements')
        .select(['location_id', 'sku'])
        .select(sql<unknown>`sum(${sql.ref('quantity')})`.as('quantity'))
        .where((eb) => this.#movementFilter(eb, filter))
        .groupBy(['location_id', 'sku'])
        .orderBy('location_id')
        .orderBy('sku')
        .execute();
      return rows.map((row) => ({
        locationId: row.location_id,
        sku: row.sku,
        quantity: readDecimal(row.quantity),
      }));
    }
    // SQLite stores decimals as text: sum exactly in JS, over rows read in key order.
    const rows = await db
      .selectFrom('stock_movements')
      .select(['location_id', 'sku', 'quantity'])
      .where((eb) => this.#movementFilter(eb, filter))
      .orderBy('location_id')
      .orderBy('sku')
      .execute();
    const totals: MovementTotal[] = [];
    let locationId: string | undefined;
    let sku: string | undefined;
    let sum = ZERO;
    for (const row of rows) {
      if (row.location_id !== locationId || row.sku !== sku) {
        if (locationId !== undefined && sku !== undefined) {
          totals.push({ locationId, sku, quantity: formatDecimal(sum) });
        }
        locationId = row.location_id;
        sku = row.sku;
        sum = ZERO;
      }
      sum = addScaled(sum, parseDecimal(String(row.quantity)));
    }
    if (locationId !== undefined && sku !== undefined) {
      totals.push({ locationId, sku, quantity: formatDecimal(sum) });
    }
    return totals;
  }

  #movementFilter(
    eb: ExpressionBuilder<Database, 'stock_movements'>,
    filter: MovementFilter,
  ): Expression<SqlBool> {
    const { values } = this.#context;
    const terms: Expression<SqlBool>[] = [];
    if (filter.locationId !== undefined) terms.push(eb('location_id', '=', filter.locationId));
    if (filter.sku !== undefined) terms.push(eb('sku', '=', filter.sku));
    if (filter.reasons !== undefined) terms.push(eb('reason', 'in', [...filter.reasons]));
    if (filter.from !== undefined) terms.push(eb('occurred_at', '>=', values.instant(filter.from)));
    if (filter.to !== undefined) terms.push(eb('occurred_at', '<', values.instant(filter.to)));
    return eb.and(terms);
  }

  // Reservations

  async insertReservation(record: ReservationRecord): Promise<void> {
    const row = reservationRow(record, this.#context.values);
    await insertNewRow(this.#context, 'reservations', 'Reservation', record.id, row);
  }

  async getReservation(id: string): Promise<ReservationRecord | undefined> {
    const { db, values } = this.#context;
    const row = await db.selectFrom('reservations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && reservationRecord(row, values);
  }

  async updateReservation(record: ReservationRecord, expectedVersion: number): Promise<void> {
    const row = reservationRow(record, this.#context.values);
    await updateVersionedRow(this.#context, 'reservations', 'Reservation', record.id, row, expectedVersion);
  }

  async listReservations(
    filter: {
      readonly reference?: string | undefined;
      readonly locationId?: string | undefined;
      readonly status?: ReservationStatus | undefined;
      readonly expiresBefore?: string | undefined;
    },
    page: PageRequest,
  ): Promise<Page<ReservationRecord>> {
    checkLimit(page);
    const { db, values } = this.#context;
    let query = db.selectFrom('reservations').selectAll();
    if (filter.reference !== undefined) query = query.where('reference', '=', filter.reference);
    if (filter.locationId !== undefined) query = query.where('location_id', '=', filter.locationId);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.expiresBefore !== undefined) {
      query = query.where('expires_at', '<', values.instant(filter.expiresBefore));
    }
    if (page.after !== undefined) query = query.where(keysetAfter(['id'], this.#cursor(page.after, BY_KEY)));
    const rows = await query
      .orderBy('id')
      .limit(page.limit + 1)
      .execute();
    return pageOf(rows, page.limit, (row) => reservationRecord(row, values), byId);
  }

  // Purchase orders

  async insertPurchaseOrder(record: PurchaseOrderRecord): Promise<void> {
    const row = purchaseOrderRow(record, this.#context.values);
    await insertNewRow(this.#context, 'purchase_orders', 'Purchase order', record.id, row);
  }

  async getPurchaseOrder(id: string): Promise<PurchaseOrderRecord | undefined> {
    const { db, values } = this.#context;
    const row = await db
      .selectFrom('purchase_orders')
      .select(PURCHASE_ORDER_COLUMNS)
      .select(dateText('expected_on', 'expected_on'))
      .where('id', '=', id)
      .executeTakeFirst();
    return row && purchaseOrderRecord(row, values);
  }

  async updatePurchaseOrder(record: PurchaseOrderRecord, expectedVersion: number): Promise<void> {
    const row = purchaseOrderRow(record, this.#context.values);
    await updateVersionedRow(
      this.#context,
      'purchase_orders',
      'Purchase order',
      record.id,
      row,
      expectedVersion,
    );
  }

  async listPurchaseOrders(
    filter: {
      readonly locationId?: string | undefined;
      readonly statuses?: readonly PurchaseOrderStatus[] | undefined;
      readonly sku?: string | undefined;
    },
    page: PageRequest,
  ): Promise<Page<PurchaseOrderRecord>> {
    checkLimit(page);
    if (filter.statuses !== undefined && filter.statuses.length === 0) return EMPTY_PAGE;
    const { db, values } = this.#context;
    let query = db
      .selectFrom('purchase_orders')
      .select(PURCHASE_ORDER_COLUMNS)
      .select(dateText('expected_on', 'expected_on'));
    if (filter.locationId !== undefined) query = query.where('location_id', '=', filter.locationId);
    if (filter.statuses !== undefined) query = query.where('status', 'in', [...filter.statuses]);
    if (filter.sku !== undefined) query = query.where(this.#linesHaveSku(filter.sku));
    if (page.after !== undefined) query = query.where(keysetAfter(['id'], this.#cursor(page.after, BY_KEY)));
    const rows = await query
      .orderBy('id')
      .limit(page.limit + 1)
      .execute();
    return pageOf(rows, page.limit, (row) => purchaseOrderRecord(row, values), byId);
  }

  /** Whether the row's `lines` JSON array has a line of `sku`. */
  #linesHaveSku(sku: string): RawBuilder<SqlBool> {
    const lines = sql.ref('lines');
    switch (this.#context.family) {
      case 'postgres':
        return sql<SqlBool>`${lines} @> cast(${JSON.stringify([{ sku }])} as jsonb)`;
      case 'mysql':
        return sql<SqlBool>`json_contains(${lines}, ${JSON.stringify([{ sku }])})`;
      default:
        return sql<SqlBool>`exists (select 1 from json_each(${lines}) where json_extract(value, '$.sku') = ${sku})`;
    }
  }

  // Transfers

  async insertTransfer(record: TransferRecord): Promise<void> {
    const row = transferRow(record, this.#context.values);
    await insertNewRow(this.#context, 'transfers', 'Transfer', record.id, row);
  }

  async getTransfer(id: string): Promise<TransferRecord | undefined> {
    const { db, values } = this.#context;
    const row = await db.selectFrom('transfers').selectAll().where('id', '=', id).executeTakeFirst();
    return row && transferRecord(row, values);
  }

  async updateTransfer(record: TransferRecord, expectedVersion: number): Promise<void> {
    const row = transferRow(record, this.#context.values);
    await updateVersionedRow(this.#context, 'transfers', 'Transfer', record.id, row, expectedVersion);
  }

  async listTransfers(
    filter: {
      readonly locationId?: string | undefined;
      readonly toLocationId?: string | undefined;
      readonly statuses?: readonly TransferStatus[] | undefined;
      readonly sku?: string | undefined;
    },
    page: PageRequest,
  ): Promise<Page<TransferRecord>> {
    checkLimit(page);
    if (filter.statuses !== undefined && filter.statuses.length === 0) return EMPTY_PAGE;
    const { db, values } = this.#context;
    let query = db.selectFrom('transfers').selectAll();
    const { locationId } = filter;
    if (locationId !== undefined) {
      query = query.where((eb) =>
        eb.or([eb('from_location_id', '=', locationId), eb('to_location_id', '=', locationId)]),
      );
    }
    if (filter.toLocationId !== undefined) query = query.where('to_location_id', '=', filter.toLocationId);
    if (filter.statuses !== undefined) query = query.where('status', 'in', [...filter.statuses]);
    if (filter.sku !== undefined) query = query.where(this.#linesHaveSku(filter.sku));
    if (page.after !== undefined) query = query.where(keysetAfter(['id'], this.#cursor(page.after, BY_KEY)));
    const rows = await query
      .orderBy('id')
      .limit(page.limit + 1)
      .execute();
    return pageOf(rows, page.limit, (row) => transferRecord(row, values), byId);
  }

  // Counts

  async insertCount(record: StockCountRecord): Promise<void> {
    const row = countRow(record, this.#context.values);
    await insertNewRow(this.#context, 'stock_counts', 'Stock count', record.id, row);
  }

  async getCount(id: string): Promise<StockCountRecord | undefined> {
    const { db, values } = this.#context;
    const row = await db.selectFrom('stock_counts').selectAll().where('id', '=', id).executeTakeFirst();
    return row && countRecord(row, values);
  }

  async updateCount(record: StockCountRecord, expectedVersion: number): Promise<void> {
    const row = countRow(record, this.#context.values);
    await updateVersionedRow(this.#context, 'stock_counts', 'Stock count', record.id, row, expectedVersion);
  }

  async listCounts(
    filter: {
      readonly locationId?: string | undefined;
      readonly status?: StockCountRecord['status'] | undefined;
    },
    page: PageRequest,
  ): Promise<Page<StockCountRecord>> {
    checkLimit(page);
    const { db, values } = this.#context;
    let query = db.selectFrom('stock_counts').selectAll();
    if (filter.locationId !== undefined) query = query.where('location_id', '=', filter.locationId);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (page.after !== undefined) query = query.where(keysetAfter(['id'], this.#cursor(page.after, BY_KEY)));
    const rows = await query
      .orderBy('id')
      .limit(page.limit + 1)
      .execute();
    return pageOf(rows, page.limit, (row) => countRecord(row, values), byId);
  }

  // Reorder rules

  /**
   * The rule of a key. For a key whose level this transaction has locked, the rules of the other
   * locked keys not read yet are read in the same statement and kept for this transaction: a
   * command that posted several lines then asks for each line's rule, and one statement answers
   * them all. That is as fresh as reading each alone, because of the port's lock order: a rule is
   * only written by a transaction holding its level's lock, which this one holds until it ends
   * (its own rule writes drop what it kept).
   */
  async getReorderRule(key: StockKey): Promise<ReorderRuleRecord | undefined> {
    const { db, values } = this.#context;
    const mapKey = stockKeyOf(key);
    if (!this.#lockedLevels.has(mapKey)) {
      const row = await db
        .selectFrom('reorder_rules')
        .selectAll()
        .where('location_id', '=', key.locationId)
        .where('sku', '=', key.sku)
        .executeTakeFirst();
      return row && reorderRuleRecord(row, values);
    }
    const kept = this.#rules.get(mapKey);
    if (kept !== undefined) return kept ?? undefined;
    const keys: [string, StockKey][] = [[mapKey, key]];
    for (const entry of this.#lockedLevels) {
      if (keys.length === RULE_READ_AHEAD) break;
      if (entry[0] !== mapKey && !this.#rules.has(entry[0])) keys.push(entry);
    }
    const rows = await db
      .selectFrom('reorder_rules')
      .selectAll()
      .where((eb) =>
        eb.or(
          keys.map(([, { locationId, sku }]) =>
            eb.and([eb('location_id', '=', locationId), eb('sku', '=', sku)]),
          ),
        ),
      )
      .execute();
    for (const [readKey] of keys) this.#rules.set(readKey, null);
    for (const row of rows) {
      const rule = reorderRuleRecord(row, values);
      this.#rules.set(stockKeyOf(rule), rule);
    }
    return this.#rules.get(mapKey) ?? undefined;
  }

  async putReorderRule(record: ReorderRuleRecord): Promise<void> {
    this.#rules.delete(stockKeyOf(record));
    await upsertRow(this.#context, 'reorder_rules', reorderRuleRow(record, this.#context.values), STOCK_KEY);
  }

  async switchReorderAlert(
    key: StockKey,
    change: { readonly from: boolean; readonly to: boolean; readonly now: string },
  ): Promise<boolean> {
    const { db, values } = this.#context;
    this.#rules.delete(stockKeyOf(key));
    const result = await db
      .updateTable('reorder_rules')
      .set({ alerting: values.boolean(change.to), updated_at: values.instant(change.now) })
      .where('location_id', '=', key.locationId)
      .where('sku', '=', key.sku)
      .where('alerting', '=', values.boolean(change.from))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async deleteReorderRule(key: StockKey): Promise<boolean> {
    this.#rules.delete(stockKeyOf(key));
    const result = await this.#context.db
      .deleteFrom('reorder_rules')
      .where('location_id', '=', key.locationId)
      .where('sku', '=', key.sku)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async listReorderRules(
    filter: { readonly locationId?: string | undefined; readonly sku?: string | undefined },
    page: PageRequest,
  ): Promise<Page<ReorderRuleRecord>> {
    checkLimit(page);
    const { db, values } = this.#context;
    let query = db.selectFrom('reorder_rules').selectAll();
    if (filter.locationId !== undefined) query = query.where('location_id', '=', filter.locationId);
    if (filter.sku !== undefined) query = query.where('sku', '=', filter.sku);
    if (page.after !== undefined) {
      query = query.where(keysetAfter(STOCK_KEY, this.#cursor(page.after, BY_STOCK_KEY)));
    }
    const rows = await query
      .orderBy('location_id')
      .orderBy('sku')
      .limit(page.limit + 1)
      .execute();
    return pageOf(rows, page.limit, (row) => reorderRuleRecord(row, values), byStockKey);
  }

  // Replenishment suggestions

  async insertSuggestion(record: ReplenishmentSuggestionRecord): Promise<void> {
    const row = suggestionRow(record, this.#context.values);
    await insertNewRow(
      this.#context,
      'replenishment_suggestions',
      'Replenishment suggestion',
      record.id,
      row,
    );
  }

  async getSuggestion(id: string): Promise<ReplenishmentSuggestionRecord | undefined> {
    const { db, values } = this.#context;
    const row = await db
      .selectFrom('replenishment_suggestions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && suggestionRecord(row, values);
  }

  async updateSuggestion(record: ReplenishmentSuggestionRecord, expectedVersion: number): Promise<void> {
    const row = suggestionRow(record, this.#context.values);
    await updateVersionedRow(
      this.#context,
      'replenishment_suggestions',
      'Replenishment suggestion',
      record.id,
      row,
      expectedVersion,
    );
  }

  async listSuggestions(
    filter: {
      readonly locationId?: string | undefined;
      readonly sku?: string | undefined;
      readonly status?: SuggestionStatus | undefined;
    },
    page: PageRequest,
  ): Promise<Page<ReplenishmentSuggestionRecord>> {
    checkLimit(page);
    const { db, values } = this.#context;
    let query = db.selectFrom('replenishment_suggestions').selectAll();
    if (filter.locationId !== undefined) query = query.where('location_id', '=', filter.locationId);
    if (filter.sku !== undefined) query = query.where('sku', '=', filter.sku);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (page.after !== undefined) query = query.where(keysetAfter(['id'], this.#cursor(page.after, BY_KEY)));
    const rows = await query
      .orderBy('id')
      .limit(page.limit + 1)
      .execute();
    return pageOf(rows, page.limit, (row) => suggestionRecord(row, values), byId);
  }
}

function duplicateMovement(id: string): ConflictError {
  return new ConflictError(`Stock movement ${JSON.stringify(id)} already exists`, {
    retryable: false,
    details: { entity: 'Stock movement', id },
  });
}

/**
 * The lowest available a level's backorder policy allows (`refuse`, or no level yet: 0; `allow`:
 * minus its limit), or null when it allows any backorder.
 */
function policyFloor(level: StockLevelRecord | undefined): ScaledDecimal | null {
  if (!level || level.backorder === 'refuse') return ZERO;
  if (level.backorderLimit === null) return null;
  const limit = parseDecimal(level.backorderLimit);
  return { units: -limit.units, scale: limit.scale };
}
