import type {
  AdjustmentReason,
  BackorderPolicy,
  LocationKind,
  LocationRecord,
  MovementReason,
  PurchaseOrderLineRecord,
  PurchaseOrderRecord,
  PurchaseOrderStatus,
  ReorderMethod,
  ReorderRuleRecord,
  ReplenishmentSource,
  ReplenishmentSuggestionRecord,
  ReservationLineRecord,
  ReservationRecord,
  ReservationStatus,
  StockCountLineRecord,
  StockCountRecord,
  StockCountStatus,
  StockItemRecord,
  StockLevelRecord,
  StockMovementRecord,
  SuggestionStatus,
  TransferLineRecord,
  TransferRecord,
  TransferStatus,
} from '@retailkit/inventory';
import type { Selectable } from 'kysely';
import type { SqlValues } from '../sql/sql-values.js';
import { readBoolean, readDecimal, readInteger, readOptionalDecimal } from '../sql/sql-values.js';
import type {
  LocationsTable,
  PurchaseOrdersTable,
  ReorderRulesTable,
  ReplenishmentSuggestionsTable,
  ReservationsTable,
  StockCountsTable,
  StockItemsTable,
  StockLevelsTable,
  StockMovementsTable,
  TransfersTable,
} from './inventory-tables.js';

/*
 * Records to rows and back. Rows are written with the codec's parameters (instants, JSON,
 * booleans); decimals go in as the records' strings and come back in canonical form.
 */

/** A location's row. */
export function locationRow(record: LocationRecord, values: SqlValues): Selectable<LocationsTable> {
  return {
    id: record.id,
    kind: record.kind,
    name: record.name,
    time_zone: record.timeZone,
    day_start: record.dayStart,
    currency: record.currency,
    status: record.status,
    created_at: values.instant(record.createdAt),
  };
}

/** A location row's record. */
export function locationRecord(row: Selectable<LocationsTable>, values: SqlValues): LocationRecord {
  return {
    id: row.id,
    kind: row.kind as LocationKind,
    name: row.name,
    timeZone: row.time_zone,
    dayStart: row.day_start,
    currency: row.currency,
    status: row.status as LocationRecord['status'],
    createdAt: values.readInstant(row.created_at),
  };
}

/** An item's row. */
export function itemRow(record: StockItemRecord, values: SqlValues): Selectable<StockItemsTable> {
  return {
    sku: record.sku,
    name: record.name,
    unit: record.unit,
    scale: record.scale,
    category_id: record.categoryId,
    status: record.status,
    created_at: values.instant(record.createdAt),
  };
}

/** An item row's record. */
export function itemRecord(row: Selectable<StockItemsTable>, values: SqlValues): StockItemRecord {
  return {
    sku: row.sku,
    name: row.name,
    unit: row.unit,
    scale: readInteger(row.scale),
    categoryId: row.category_id,
    status: row.status as StockItemRecord['status'],
    createdAt: values.readInstant(row.created_at),
  };
}

/** A level's row. */
export function levelRow(record: StockLevelRecord, values: SqlValues): Selectable<StockLevelsTable> {
  return {
    location_id: record.locationId,
    sku: record.sku,
    on_hand: record.onHand,
    reserved: record.reserved,
    incoming: record.incoming,
    in_transit: record.inTransit,
    safety_stock: record.safetyStock,
    backorder: record.backorder,
    backorder_limit: record.backorderLimit,
    average_cost: record.averageCost,
    updated_at: values.instant(record.updatedAt),
  };
}

/** A level row's record. */
export function levelRecord(row: Selectable<StockLevelsTable>, values: SqlValues): StockLevelRecord {
  return {
    locationId: row.location_id,
    sku: row.sku,
    onHand: readDecimal(row.on_hand),
    reserved: readDecimal(row.reserved),
    incoming: readDecimal(row.incoming),
    inTransit: readDecimal(row.in_transit),
    safetyStock: readDecimal(row.safety_stock),
    backorder: row.backorder as BackorderPolicy,
    backorderLimit: readOptionalDecimal(row.backorder_limit),
    averageCost: readOptionalDecimal(row.average_cost),
    updatedAt: values.readInstant(row.updated_at),
  };
}

/** A movement's row. */
export function movementRow(record: StockMovementRecord, values: SqlValues): Selectable<StockMovementsTable> {
  return {
    location_id: record.locationId,
    occurred_at: values.instant(record.occurredAt),
    id: record.id,
    sku: record.sku,
    reason: record.reason,
    sub_reason: record.subReason,
    quantity: record.quantity,
    unit_cost: record.unitCost,
    reference_type: record.referenceType,
    reference_id: record.referenceId,
    actor_id: record.actorId,
    business_date: record.businessDate,
    note: record.note,
  };
}

/** A movement row's record; `business_date` must have been selected as `YYYY-MM-DD` text. */
export function movementRecord(row: Selectable<StockMovementsTable>, values: SqlValues): StockMovementRecord {
  return {
    id: row.id,
    locationId: row.location_id,
    sku: row.sku,
    reason: row.reason as MovementReason,
    subReason: row.sub_reason as AdjustmentReason | null,
    quantity: readDecimal(row.quantity),
    unitCost: readOptionalDecimal(row.unit_cost),
    referenceType: row.reference_type,
    referenceId: row.reference_id,
    actorId: row.actor_id,
    occurredAt: values.readInstant(row.occurred_at),
    businessDate: String(row.business_date),
    note: row.note,
  };
}

/** A reservation's row (the version is the record's). */
export function reservationRow(record: ReservationRecord, values: SqlValues): Selectable<ReservationsTable> {
  return {
    location_id: record.locationId,
    id: record.id,
    reference: record.reference,
    status: record.status,
    lines: values.json(record.lines),
    expires_at: values.optionalInstant(record.expiresAt),
    actor_id: record.actorId,
    created_at: values.instant(record.createdAt),
    updated_at: values.instant(record.updatedAt),
    version: record.version,
  };
}

/** A reservation row's record. */
export function reservationRecord(row: Selectable<ReservationsTable>, values: SqlValues): ReservationRecord {
  return {
    id: row.id,
    reference: row.reference,
    locationId: row.location_id,
    status: row.status as ReservationStatus,
    lines: values.readJson<ReservationLineRecord[]>(row.lines),
    expiresAt: values.readOptionalInstant(row.expires_at),
    actorId: row.actor_id,
    createdAt: values.readInstant(row.created_at),
    updatedAt: values.readInstant(row.updated_at),
    version: readInteger(row.version),
  };
}

/** A purchase order's row. */
export function purchaseOrderRow(
  record: PurchaseOrderRecord,
  values: SqlValues,
): Selectable<PurchaseOrdersTable> {
  return {
    location_id: record.locationId,
    id: record.id,
    supplier_id: record.supplierId,
    status: record.status,
    currency: record.currency,
    lines: values.json(record.lines),
    expected_on: record.expectedOn,
    suggestion_id: record.suggestionId,
    created_at: values.instant(record.createdAt),
    updated_at: values.instant(record.updatedAt),
    version: record.version,
  };
}

/** A purchase order row's record; `expected_on` must have been selected as `YYYY-MM-DD` text. */
export function purchaseOrderRecord(
  row: Selectable<PurchaseOrdersTable>,
  values: SqlValues,
): PurchaseOrderRecord {
  return {
    id: row.id,
    supplierId: row.supplier_id,
    locationId: row.location_id,
    status: row.status as PurchaseOrderStatus,
    currency: row.currency,
    lines: values.readJson<PurchaseOrderLineRecord[]>(row.lines),
    expectedOn: row.expected_on === null || row.expected_on === undefined ? null : String(row.expected_on),
    suggestionId: row.suggestion_id,
    createdAt: values.readInstant(row.created_at),
    updatedAt: values.readInstant(row.updated_at),
    version: readInteger(row.version),
  };
}

/** A transfer's row. */
export function transferRow(record: TransferRecord, values: SqlValues): Selectable<TransfersTable> {
  return {
    from_location_id: record.fromLocationId,
    id: record.id,
    to_location_id: record.toLocationId,
    status: record.status,
    lines: values.json(record.lines),
    suggestion_id: record.suggestionId,
    shipped_at: values.optionalInstant(record.shippedAt),
    created_at: values.instant(record.createdAt),
    updated_at: values.instant(record.updatedAt),
    version: record.version,
  };
}

/** A transfer row's record. */
export function transferRecord(row: Selectable<TransfersTable>, values: SqlValues): TransferRecord {
  return {
    id: row.id,
    fromLocationId: row.from_location_id,
    toLocationId: row.to_location_id,
    status: row.status as TransferStatus,
    lines: values.readJson<TransferLineRecord[]>(row.lines),
    suggestionId: row.suggestion_id,
    shippedAt: values.readOptionalInstant(row.shipped_at),
    createdAt: values.readInstant(row.created_at),
    updatedAt: values.readInstant(row.updated_at),
    version: readInteger(row.version),
  };
}

/** A count's row. */
export function countRow(record: StockCountRecord, values: SqlValues): Selectable<StockCountsTable> {
  return {
    location_id: record.locationId,
    id: record.id,
    status: record.status,
    blind: values.boolean(record.blind),
    scope: record.scope,
    lines: values.json(record.lines),
    opened_at: values.instant(record.openedAt),
    posted_at: values.optionalInstant(record.postedAt),
    updated_at: values.instant(record.updatedAt),
    version: record.version,
  };
}

/** A count row's record. */
export function countRecord(row: Selectable<StockCountsTable>, values: SqlValues): StockCountRecord {
  return {
    id: row.id,
    locationId: row.location_id,
    status: row.status as StockCountStatus,
    blind: readBoolean(row.blind),
    scope: row.scope as StockCountRecord['scope'],
    lines: values.readJson<StockCountLineRecord[]>(row.lines),
    openedAt: values.readInstant(row.opened_at),
    postedAt: values.readOptionalInstant(row.posted_at),
    updatedAt: values.readInstant(row.updated_at),
    version: readInteger(row.version),
  };
}

/** A reorder rule's row. */
export function reorderRuleRow(record: ReorderRuleRecord, values: SqlValues): Selectable<ReorderRulesTable> {
  return {
    location_id: record.locationId,
    sku: record.sku,
    reorder_point: record.reorderPoint,
    method: record.method,
    reorder_quantity: record.reorderQuantity,
    max_level: record.maxLevel,
    lead_time_days: record.leadTimeDays,
    demand_window_days: record.demandWindowDays,
    source: values.json(record.source),
    alerting: values.boolean(record.alerting),
    updated_at: values.instant(record.updatedAt),
  };
}

/** A reorder rule row's record. */
export function reorderRuleRecord(row: Selectable<ReorderRulesTable>, values: SqlValues): ReorderRuleRecord {
  return {
    locationId: row.location_id,
    sku: row.sku,
    reorderPoint: readDecimal(row.reorder_point),
    method: row.method as ReorderMethod,
    reorderQuantity: readOptionalDecimal(row.reorder_quantity),
    maxLevel: readOptionalDecimal(row.max_level),
    leadTimeDays: readInteger(row.lead_time_days),
    demandWindowDays: row.demand_window_days === null ? null : readInteger(row.demand_window_days),
    source: values.readJson<ReplenishmentSource>(row.source),
    alerting: readBoolean(row.alerting),
    updatedAt: values.readInstant(row.updated_at),
  };
}

/** A suggestion's row. */
export function suggestionRow(
  record: ReplenishmentSuggestionRecord,
  values: SqlValues,
): Selectable<ReplenishmentSuggestionsTable> {
  return {
    location_id: record.locationId,
    id: record.id,
    sku: record.sku,
    quantity: record.quantity,
    source: values.json(record.source),
    status: record.status,
    document_type: record.documentType,
    document_id: record.documentId,
    basis: values.json(record.basis),
    created_at: values.instant(record.createdAt),
    updated_at: values.instant(record.updatedAt),
    version: record.version,
  };
}

/** A suggestion row's record. */
export function suggestionRecord(
  row: Selectable<ReplenishmentSuggestionsTable>,
  values: SqlValues,
): ReplenishmentSuggestionRecord {
  return {
    id: row.id,
    locationId: row.location_id,
    sku: row.sku,
    quantity: readDecimal(row.quantity),
    source: values.readJson<ReplenishmentSource>(row.source),
    status: row.status as SuggestionStatus,
    documentType: row.document_type as ReplenishmentSuggestionRecord['documentType'],
    documentId: row.document_id,
    basis: values.readJson<ReplenishmentSuggestionRecord['basis']>(row.basis),
    createdAt: values.readInstant(row.created_at),
    updatedAt: values.readInstant(row.updated_at),
    version: readInteger(row.version),
  };
}
