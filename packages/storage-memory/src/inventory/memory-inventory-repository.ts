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
import type { MemoryTransaction } from '../transaction/memory-transaction.js';
import {
  addDecimal,
  addScaled,
  compareScaled,
  formatDecimal,
  isNegativeDecimal,
  parseDecimal,
  type ScaledDecimal,
  subtractScaled,
} from './decimal-string.js';
import { insertNewRow } from './insert-new-row.js';
import { type MemoryInventoryTables, stockKeyOf } from './memory-inventory-tables.js';
import { paginate, type SortKey } from './paginate.js';
import { updateVersionedRow } from './update-versioned-row.js';

const byId = (row: { readonly id: string }): SortKey => [row.id];
const byStockKey = (row: StockKey): SortKey => [row.locationId, row.sku];
const byOccurrence = (row: StockMovementRecord): SortKey => [row.occurredAt, row.id];

function* where<T>(rows: Iterable<T>, keep: (row: T) => boolean): Iterable<T> {
  for (const row of rows) if (keep(row)) yield row;
}

function movementMatches(filter: MovementFilter): (row: StockMovementRecord) => boolean {
  const { locationId, sku, reasons, from, to } = filter;
  return (row) =>
    (locationId === undefined || row.locationId === locationId) &&
    (sku === undefined || row.sku === sku) &&
    (reasons === undefined || reasons.includes(row.reason)) &&
    (from === undefined || row.occurredAt >= from) &&
    (to === undefined || row.occurredAt < to);
}

const hasLine = (lines: readonly { readonly sku: string }[], sku: string) =>
  lines.some((line) => line.sku === sku);

// A class rather than an object literal: the command runner opens a transaction per command, and
// prototype methods cost nothing per transaction on the hot path.
class MemoryInventoryRepository implements InventoryRepository {
  readonly #t: MemoryInventoryTables;
  readonly #tx: MemoryTransaction;

  constructor(tables: MemoryInventoryTables, tx: MemoryTransaction) {
    this.#t = tables;
    this.#tx = tx;
  }

  // Locations

  async getLocation(id: string): Promise<LocationRecord | undefined> {
    return this.#t.locations.get(this.#tx, id);
  }

  async putLocation(record: LocationRecord): Promise<void> {
    this.#t.locations.set(this.#tx, record.id, record);
  }

  async listLocations(
    filter: { readonly kind?: LocationKind | undefined },
    page: PageRequest,
  ): Promise<Page<LocationRecord>> {
    const { kind } = filter;
    const rows = this.#t.locations.values(this.#tx);
    return paginate(kind === undefined ? rows : where(rows, (row) => row.kind === kind), byId, page);
  }

  // Items

  async getItem(sku: string): Promise<StockItemRecord | undefined> {
    return this.#t.items.get(this.#tx, sku);
  }

  async getItems(skus: readonly string[]): Promise<readonly StockItemRecord[]> {
    const found: StockItemRecord[] = [];
    for (const sku of new Set(skus)) {
      const item = this.#t.items.get(this.#tx, sku);
      if (item) found.push(item);
    }
    return found;
  }

  async putItem(record: StockItemRecord): Promise<void> {
    this.#t.items.set(this.#tx, record.sku, record);
  }

  async listItems(
    filter: { readonly categoryId?: string | undefined },
    page: PageRequest,
  ): Promise<Page<StockItemRecord>> {
    const { categoryId } = filter;
    const rows = this.#t.items.values(this.#tx);
    return paginate(
      categoryId === undefined ? rows : where(rows, (row) => row.categoryId === categoryId),
      (row) => [row.sku],
      page,
    );
  }

  // Stock levels

  async getLevel(key: StockKey): Promise<StockLevelRecord | undefined> {
    return this.#t.levels.get(this.#tx, stockKeyOf(key));
  }

  async applyStockDelta(
    key: StockKey,
    delta: StockDelta,
    guard: { readonly availableFloor: string | null | 'policy'; readonly now: string },
  ): Promise<StockLevelRecord | undefined> {
    const mapKey = stockKeyOf(key);
    const current = this.#t.levels.get(this.#tx, mapKey);
    // Parse each balance once and format only what changed: this runs once per line of every
    // reservation, sale and receipt.
    const onHand = shift(current?.onHand, delta.onHand);
    const reserved = shift(current?.reserved, delta.reserved);
    // Untouched incoming and in-transit balances (most changes) are only checked, not parsed.
    const incoming = delta.incoming === undefined ? undefined : shift(current?.incoming, delta.incoming);
    const inTransit = delta.inTransit === undefined ? undefined : shift(current?.inTransit, delta.inTransit);
    const incomingNegative =
      incoming === undefined
        ? current !== undefined && isNegativeDecimal(current.incoming)
        : incoming.value.units < 0n;
    const inTransitNegative =
      inTransit === undefined
        ? current !== undefined && isNegativeDecimal(current.inTransit)
        : inTransit.value.units < 0n;
    if (reserved.value.units < 0n || incomingNegative || inTransitNegative) {
      return undefined;
    }
    const { availableFloor } = guard;
    const floor =
      availableFloor === 'policy'
        ? policyFloor(current)
        : availableFloor === null
          ? null
          : parseDecimal(availableFloor);
    if (floor !== null && compareScaled(subtractScaled(onHand.value, reserved.value), floor) < 0) {
      return undefined;
    }
    const base = current ?? zeroLevel(key, guard.now);
    // A literal with every field, not a spread: this is the hottest write of the adapter.
    this.#t.levels.set(this.#tx, mapKey, {
      locationId: base.locationId,
      sku: base.sku,
      onHand: onHand.text,
      reserved: reserved.text,
      incoming: incoming === undefined ? (current?.incoming ?? '0') : incoming.text,
      inTransit: inTransit === undefined ? (current?.inTransit ?? '0') : inTransit.text,
      safetyStock: base.safetyStock,
      backorder: base.backorder,
      backorderLimit: base.backorderLimit,
      averageCost: base.averageCost,
      updatedAt: guard.now,
    });
    return this.#t.levels.get(this.#tx, mapKey);
  }

  async updateLevelSettings(
    key: StockKey,
    settings: Partial<
      Pick<StockLevelRecord, 'safetyStock' | 'backorder' | 'backorderLimit' | 'averageCost'>
    > & { readonly now: string },
  ): Promise<StockLevelRecord> {
    const mapKey = stockKeyOf(key);
    const current = this.#t.levels.get(this.#tx, mapKey) ?? zeroLevel(key, settings.now);
    const { safetyStock, backorder, backorderLimit, averageCost, now } = settings;
    this.#t.levels.set(this.#tx, mapKey, {
      ...current,
      ...(safetyStock === undefined ? {} : { safetyStock }),
      ...(backorder === undefined ? {} : { backorder }),
      ...(backorderLimit === undefined ? {} : { backorderLimit }),
      ...(averageCost === undefined ? {} : { averageCost }),
      updatedAt: now,
    });
    return this.#t.levels.get(this.#tx, mapKey) as StockLevelRecord;
  }

  async putLevel(record: StockLevelRecord): Promise<void> {
    this.#t.levels.set(this.#tx, stockKeyOf(record), record);
  }

  async listLevels(
    filter: { readonly locationId?: string | undefined; readonly sku?: string | undefined },
    page: PageRequest,
  ): Promise<Page<StockLevelRecord>> {
    return paginate(where(this.#t.levels.values(this.#tx), stockKeyMatches(filter)), byStockKey, page);
  }

  // Ledger

  async appendMovements(records: readonly StockMovementRecord[]): Promise<void> {
    // Check the whole batch first, so a duplicate id writes none of it.
    const ids = new Set<string>();
    for (const record of records) {
      if (ids.has(record.id) || this.#t.movements.has(this.#tx, record.id)) {
        throw new ConflictError(`Stock movement ${JSON.stringify(record.id)} already exists`, {
          retryable: false,
          details: { entity: 'Stock movement', id: record.id },
        });
      }
      ids.add(record.id);
    }
    for (const record of records) this.#t.movements.set(this.#tx, record.id, record);
  }

  async listMovements(filter: MovementFilter, page: PageRequest): Promise<Page<StockMovementRecord>> {
    return paginate(where(this.#t.movements.values(this.#tx), movementMatches(filter)), byOccurrence, page);
  }

  async movementTotals(filter: MovementFilter): Promise<readonly MovementTotal[]> {
    const totals = new Map<string, { locationId: string; sku: string; quantity: string }>();
    for (const row of where(this.#t.movements.values(this.#tx), movementMatches(filter))) {
      const mapKey = stockKeyOf(row);
      const total = totals.get(mapKey);
      if (total) total.quantity = addDecimal(total.quantity, row.quantity);
      else
        totals.set(mapKey, {
          locationId: row.locationId,
          sku: row.sku,
          quantity: addDecimal('0', row.quantity),
        });
    }
    return [...totals.values()].sort(
      (a, b) => compareText(a.locationId, b.locationId) || compareText(a.sku, b.sku),
    );
  }

  // Reservations

  async insertReservation(record: ReservationRecord): Promise<void> {
    insertNewRow(this.#tx, this.#t.reservations, 'Reservation', record.id, record);
  }

  async getReservation(id: string): Promise<ReservationRecord | undefined> {
    return this.#t.reservations.get(this.#tx, id);
  }

  async updateReservation(record: ReservationRecord, expectedVersion: number): Promise<void> {
    updateVersionedRow(this.#tx, this.#t.reservations, 'Reservation', record, expectedVersion);
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
    const { reference, locationId, status, expiresBefore } = filter;
    const keep = (row: ReservationRecord) =>
      (reference === undefined || row.reference === reference) &&
      (locationId === undefined || row.locationId === locationId) &&
      (status === undefined || row.status === status) &&
      (expiresBefore === undefined || (row.expiresAt !== null && row.expiresAt < expiresBefore));
    return paginate(where(this.#t.reservations.values(this.#tx), keep), byId, page);
  }

  // Purchase orders

  async insertPurchaseOrder(record: PurchaseOrderRecord): Promise<void> {
    insertNewRow(this.#tx, this.#t.purchaseOrders, 'Purchase order', record.id, record);
  }

  async getPurchaseOrder(id: string): Promise<PurchaseOrderRecord | undefined> {
    return this.#t.purchaseOrders.get(this.#tx, id);
  }

  async updatePurchaseOrder(record: PurchaseOrderRecord, expectedVersion: number): Promise<void> {
    updateVersionedRow(this.#tx, this.#t.purchaseOrders, 'Purchase order', record, expectedVersion);
  }

  async listPurchaseOrders(
    filter: {
      readonly locationId?: string | undefined;
      readonly statuses?: readonly PurchaseOrderStatus[] | undefined;
      readonly sku?: string | undefined;
    },
    page: PageRequest,
  ): Promise<Page<PurchaseOrderRecord>> {
    const { locationId, statuses, sku } = filter;
    const keep = (row: PurchaseOrderRecord) =>
      (locationId === undefined || row.locationId === locationId) &&
      (statuses === undefined || statuses.includes(row.status)) &&
      (sku === undefined || hasLine(row.lines, sku));
    return paginate(where(this.#t.purchaseOrders.values(this.#tx), keep), byId, page);
  }

  // Transfers

  async insertTransfer(record: TransferRecord): Promise<void> {
    insertNewRow(this.#tx, this.#t.transfers, 'Transfer', record.id, record);
  }

  async getTransfer(id: string): Promise<TransferRecord | undefined> {
    return this.#t.transfers.get(this.#tx, id);
  }

  async updateTransfer(record: TransferRecord, expectedVersion: number): Promise<void> {
    updateVersionedRow(this.#tx, this.#t.transfers, 'Transfer', record, expectedVersion);
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
    const { locationId, toLocationId, statuses, sku } = filter;
    const keep = (row: TransferRecord) =>
      (locationId === undefined || row.fromLocationId === locationId || row.toLocationId === locationId) &&
      (toLocationId === undefined || row.toLocationId === toLocationId) &&
      (statuses === undefined || statuses.includes(row.status)) &&
      (sku === undefined || hasLine(row.lines, sku));
    return paginate(where(this.#t.transfers.values(this.#tx), keep), byId, page);
  }

  // Counts

  async insertCount(record: StockCountRecord): Promise<void> {
    insertNewRow(this.#tx, this.#t.counts, 'Stock count', record.id, record);
  }

  async getCount(id: string): Promise<StockCountRecord | undefined> {
    return this.#t.counts.get(this.#tx, id);
  }

  async updateCount(record: StockCountRecord, expectedVersion: number): Promise<void> {
    updateVersionedRow(this.#tx, this.#t.counts, 'Stock count', record, expectedVersion);
  }

  async listCounts(
    filter: {
      readonly locationId?: string | undefined;
      readonly status?: StockCountRecord['status'] | undefined;
    },
    page: PageRequest,
  ): Promise<Page<StockCountRecord>> {
    const { locationId, status } = filter;
    const keep = (row: StockCountRecord) =>
      (locationId === undefined || row.locationId === locationId) &&
      (status === undefined || row.status === status);
    return paginate(where(this.#t.counts.values(this.#tx), keep), byId, page);
  }

  // Reorder rules

  async getReorderRule(key: StockKey): Promise<ReorderRuleRecord | undefined> {
    return this.#t.reorderRules.get(this.#tx, stockKeyOf(key));
  }

  async putReorderRule(record: ReorderRuleRecord): Promise<void> {
    this.#t.reorderRules.set(this.#tx, stockKeyOf(record), record);
  }

  async switchReorderAlert(
    key: StockKey,
    change: { readonly from: boolean; readonly to: boolean; readonly now: string },
  ): Promise<boolean> {
    const mapKey = stockKeyOf(key);
    const rule = this.#t.reorderRules.get(this.#tx, mapKey);
    if (!rule || rule.alerting !== change.from) return false;
    this.#t.reorderRules.set(this.#tx, mapKey, { ...rule, alerting: change.to, updatedAt: change.now });
    return true;
  }

  async deleteReorderRule(key: StockKey): Promise<boolean> {
    const mapKey = stockKeyOf(key);
    if (!this.#t.reorderRules.has(this.#tx, mapKey)) return false;
    this.#t.reorderRules.delete(this.#tx, mapKey);
    return true;
  }

  async listReorderRules(
    filter: { readonly locationId?: string | undefined; readonly sku?: string | undefined },
    page: PageRequest,
  ): Promise<Page<ReorderRuleRecord>> {
    return paginate(where(this.#t.reorderRules.values(this.#tx), stockKeyMatches(filter)), byStockKey, page);
  }

  // Replenishment suggestions

  async insertSuggestion(record: ReplenishmentSuggestionRecord): Promise<void> {
    insertNewRow(this.#tx, this.#t.suggestions, 'Replenishment suggestion', record.id, record);
  }

  async getSuggestion(id: string): Promise<ReplenishmentSuggestionRecord | undefined> {
    return this.#t.suggestions.get(this.#tx, id);
  }

  async updateSuggestion(record: ReplenishmentSuggestionRecord, expectedVersion: number): Promise<void> {
    updateVersionedRow(this.#tx, this.#t.suggestions, 'Replenishment suggestion', record, expectedVersion);
  }

  async listSuggestions(
    filter: {
      readonly locationId?: string | undefined;
      readonly sku?: string | undefined;
      readonly status?: SuggestionStatus | undefined;
    },
    page: PageRequest,
  ): Promise<Page<ReplenishmentSuggestionRecord>> {
    const { status } = filter;
    const atKey = stockKeyMatches(filter);
    const keep = (row: ReplenishmentSuggestionRecord) =>
      atKey(row) && (status === undefined || row.status === status);
    return paginate(where(this.#t.suggestions.values(this.#tx), keep), byId, page);
  }
}

const ZERO: ScaledDecimal = { units: 0n, scale: 0 };

/** A balance after an optional signed change: its value, and its text (canonical when it changed). */
function shift(
  balance: string | undefined,
  change: string | undefined,
): { readonly value: ScaledDecimal; readonly text: string } {
  const before = balance === undefined ? ZERO : parseDecimal(balance);
  if (change === undefined) return { value: before, text: balance ?? '0' };
  const value = addScaled(before, parseDecimal(change));
  return { value, text: formatDecimal(value) };
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

/** The level a key has before anything happened to it. */
function zeroLevel(key: StockKey, now: string): StockLevelRecord {
  return {
    locationId: key.locationId,
    sku: key.sku,
    onHand: '0',
    reserved: '0',
    incoming: '0',
    inTransit: '0',
    safetyStock: '0',
    backorder: 'refuse',
    backorderLimit: null,
    averageCost: null,
    updatedAt: now,
  };
}

function stockKeyMatches(filter: {
  readonly locationId?: string | undefined;
  readonly sku?: string | undefined;
}): (row: StockKey) => boolean {
  const { locationId, sku } = filter;
  return (row) =>
    (locationId === undefined || row.locationId === locationId) && (sku === undefined || row.sku === sku);
}

function compareText(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** The inventory repository over in-memory tables, bound to one transaction. */
export function memoryInventoryRepository(
  tables: MemoryInventoryTables,
  tx: MemoryTransaction,
): InventoryRepository {
  return new MemoryInventoryRepository(tables, tx);
}
