/*
 * The records the inventory module stores. They are plain JSON-friendly data: quantities and
 * amounts are decimal strings (never JS numbers), instants are ISO-8601 UTC strings, business dates
 * are `YYYY-MM-DD` in the location's time zone. A SQL adapter maps them to NUMERIC / timestamptz /
 * date columns; nothing here holds a rule, only facts.
 */

/** What a location is: a store (sells) or a warehouse (supplies stores). */
export type LocationKind = 'store' | 'warehouse';

/**
 * A place that holds stock: a store or a warehouse. Its id is also the store id that actors'
 * `storeIds` and the access policy use, and the key stock is sharded by.
 */
export interface LocationRecord {
  /** The location (store) id. */
  readonly id: string;
  /** Store or warehouse. */
  readonly kind: LocationKind;
  /** Display name. */
  readonly name: string;
  /** IANA time zone; business days and reports use it. */
  readonly timeZone: string;
  /** When the business day starts, `HH:mm` local time. */
  readonly dayStart: string;
  /** ISO 4217 currency that costs and stock values are kept in. */
  readonly currency: string;
  /** Active locations take stock; closed ones keep their history. */
  readonly status: 'active' | 'closed';
  /** When it was created. */
  readonly createdAt: string;
}

/** A stocked item: the SKU as inventory knows it, with its unit and category for reports. */
export interface StockItemRecord {
  /** The SKU code (the catalog's SKU id). */
  readonly sku: string;
  /** Display name. */
  readonly name: string;
  /** Unit code (`each`, `kg`, … or a custom code). */
  readonly unit: string;
  /** Decimal places quantities of this item carry: 0 for `each`, 3 for `kg`. */
  readonly scale: number;
  /** Category id for reports, if any. */
  readonly categoryId: string | null;
  /** Discontinued items can no longer be received or reserved; they can still be sold off and counted. */
  readonly status: 'active' | 'discontinued';
  /** When it was registered. */
  readonly createdAt: string;
}

/** Whether stock may go below zero available, and how far. */
export type BackorderPolicy = 'refuse' | 'allow';

/** The key of a stock level: one SKU at one location. */
export interface StockKey {
  /** The location. */
  readonly locationId: string;
  /** The SKU. */
  readonly sku: string;
}

/** The derived balances of one SKU at one location, kept in step with the ledger. */
export interface StockLevelRecord extends StockKey {
  /** Physically at the location: the sum of its movements. */
  readonly onHand: string;
  /** Promised to open reservations. */
  readonly reserved: string;
  /** Expected from open inbound documents (purchase orders and transfers not yet received). */
  readonly incoming: string;
  /** Shipped to this location by transfers and not yet received (also counted in `incoming`). */
  readonly inTransit: string;
  /** Stock kept back from replenishment maths as a buffer. */
  readonly safetyStock: string;
  /** `refuse` (default): available never drops below zero. `allow`: down to minus `backorderLimit`. */
  readonly backorder: BackorderPolicy;
  /** With `allow`, how far below zero available may go; null means without limit. */
  readonly backorderLimit: string | null;
  /** Moving-average unit cost at this location (in the location's currency), null before any costed receipt. */
  readonly averageCost: string | null;
  /** Last change. */
  readonly updatedAt: string;
}

/** Why stock moved. */
export type MovementReason =
  | 'receipt'
  | 'sale'
  | 'return-sellable'
  | 'return-damaged'
  | 'adjustment'
  | 'count-correction'
  | 'transfer-out'
  | 'transfer-in'
  | 'write-off';

/** The sub-reason an adjustment carries. */
export type AdjustmentReason = 'damage' | 'theft' | 'found' | 'expired' | 'other';

/** One append-only ledger entry: a signed change of on-hand stock. */
export interface StockMovementRecord extends StockKey {
  /** Movement id (time-sortable). */
  readonly id: string;
  /** Why it moved. */
  readonly reason: MovementReason;
  /** For adjustments, the sub-reason; otherwise null. */
  readonly subReason: AdjustmentReason | null;
  /** Signed change of on hand, a decimal string with the item's scale. */
  readonly quantity: string;
  /** Unit cost at the time, in the location's currency; null when unknown. */
  readonly unitCost: string | null;
  /** The document behind it (`purchase-order`, `transfer`, `count`, `reservation`, `order`, …). */
  readonly referenceType: string | null;
  /** That document's id. */
  readonly referenceId: string | null;
  /** Who caused it. */
  readonly actorId: string;
  /** When (ISO-8601 UTC). */
  readonly occurredAt: string;
  /** The location's business date of `occurredAt`. */
  readonly businessDate: string;
  /** Free text, if any. */
  readonly note: string | null;
}

/** The state of a reservation. Open ones hold stock; the others are final. */
export type ReservationStatus = 'open' | 'committed' | 'released' | 'expired';

/** One line of a reservation. `quantity − committed − released` is still held. */
export interface ReservationLineRecord {
  /** The SKU. */
  readonly sku: string;
  /** Reserved in total. */
  readonly quantity: string;
  /** Of it, sold (left on hand and reserved together). */
  readonly committed: string;
  /** Of it, handed back to available. */
  readonly released: string;
}

/** Stock promised at one location to one reference (usually an order). */
export interface ReservationRecord {
  /** Reservation id. */
  readonly id: string;
  /** What it is for, e.g. an order id. Several reservations (one per location) may share it. */
  readonly reference: string;
  /** Where the stock is held. */
  readonly locationId: string;
  /** Open until every line is committed or released, or it expires. */
  readonly status: ReservationStatus;
  /** One line per SKU. */
  readonly lines: readonly ReservationLineRecord[];
  /** When an open reservation lapses; null for never. */
  readonly expiresAt: string | null;
  /** Who made it. */
  readonly actorId: string;
  /** When it was made. */
  readonly createdAt: string;
  /** Last change. */
  readonly updatedAt: string;
  /** Optimistic-concurrency version, 1 on insert. */
  readonly version: number;
}

/** Purchase order states. */
export type PurchaseOrderStatus =
  | 'draft'
  | 'ordered'
  | 'partially-received'
  | 'received'
  | 'closed'
  | 'cancelled';

/** One line of a purchase order. */
export interface PurchaseOrderLineRecord {
  /** The SKU. */
  readonly sku: string;
  /** Ordered quantity. */
  readonly ordered: string;
  /** Received so far (may exceed `ordered` when over-receipt was allowed). */
  readonly received: string;
  /** Agreed unit cost in the order's currency. */
  readonly unitCost: string;
}

/** An order to a supplier, delivered to one location. */
export interface PurchaseOrderRecord {
  /** Purchase order id. */
  readonly id: string;
  /** The supplier's id (free-form; suppliers are not managed here). */
  readonly supplierId: string;
  /** Where it is delivered. */
  readonly locationId: string;
  /** Its state. */
  readonly status: PurchaseOrderStatus;
  /** The currency of its unit costs (the location's). */
  readonly currency: string;
  /** Lines, one per SKU. */
  readonly lines: readonly PurchaseOrderLineRecord[];
  /** Expected delivery date (business date), if known. */
  readonly expectedOn: string | null;
  /** The replenishment suggestion it came from, if any. */
  readonly suggestionId: string | null;
  /** When created. */
  readonly createdAt: string;
  /** Last change. */
  readonly updatedAt: string;
  /** Optimistic-concurrency version. */
  readonly version: number;
}

/** Transfer states. */
export type TransferStatus =
  | 'draft'
  | 'requested'
  | 'approved'
  | 'shipped'
  | 'partially-received'
  | 'received'
  | 'cancelled';

/** One line of a transfer, with what happened to it on the way. */
export interface TransferLineRecord {
  /** The SKU. */
  readonly sku: string;
  /** Asked for. */
  readonly requested: string;
  /** Left the source. */
  readonly shipped: string;
  /** Arrived sellable at the destination (includes any over-delivery). */
  readonly received: string;
  /** Shipped but never arrived (booked in and written off at once). */
  readonly short: string;
  /** Arrived beyond what was shipped (also counted in `received`). */
  readonly over: string;
  /** Arrived damaged (not sellable: booked in and written off at once). */
  readonly damaged: string;
  /**
   * The source's moving-average cost per unit the line left at, in the source location's currency,
   * booked by shipping under the level's lock; receipts and transit losses are booked at it. Null
   * before shipping, for a line that shipped nothing, or when the source had no cost yet.
   */
  readonly unitCost: string | null;
}

/** Stock moving from one location to another. Conserves quantity: shipped = received + short + damaged − over. */
export interface TransferRecord {
  /** Transfer id. */
  readonly id: string;
  /** Where it leaves from. */
  readonly fromLocationId: string;
  /** Where it goes. */
  readonly toLocationId: string;
  /** Its state. */
  readonly status: TransferStatus;
  /** Lines, one per SKU. */
  readonly lines: readonly TransferLineRecord[];
  /** The replenishment suggestion it came from, if any. */
  readonly suggestionId: string | null;
  /** When it shipped. */
  readonly shippedAt: string | null;
  /** When created. */
  readonly createdAt: string;
  /** Last change. */
  readonly updatedAt: string;
  /** Optimistic-concurrency version. */
  readonly version: number;
}

/** Count states. */
export type StockCountStatus = 'open' | 'posted' | 'cancelled';

/** One counted SKU. */
export interface StockCountLineRecord {
  /** The SKU. */
  readonly sku: string;
  /** On hand when the count opened (hidden from counters of a blind count). */
  readonly expected: string;
  /** What was counted; null until scanned. */
  readonly counted: string | null;
  /**
   * The unit cost the posted correction was booked at (the level's average under its lock), in the
   * location's currency. Null until posted, and for lines that booked no correction (uncounted or
   * no variance) or had no cost yet.
   */
  readonly unitCost: string | null;
}

/** A physical count of a location (all of it or some SKUs). */
export interface StockCountRecord {
  /** Count id. */
  readonly id: string;
  /** The location counted. */
  readonly locationId: string;
  /** Its state. */
  readonly status: StockCountStatus;
  /** Blind counts do not show expected quantities to counters. */
  readonly blind: boolean;
  /** `all`: every SKU with stock or a level at the location; `skus`: those listed. */
  readonly scope: 'all' | 'skus';
  /** One line per SKU in scope. */
  readonly lines: readonly StockCountLineRecord[];
  /** When it opened: later movements are added on top of the counted quantities. */
  readonly openedAt: string;
  /** When it was posted. */
  readonly postedAt: string | null;
  /** Last change. */
  readonly updatedAt: string;
  /** Optimistic-concurrency version. */
  readonly version: number;
}

/** How a reorder rule sizes its suggestion. */
export type ReorderMethod = 'fixed-quantity' | 'up-to-max' | 'demand';

/** Where replenishment comes from. */
export type ReplenishmentSource =
  | { readonly kind: 'purchase'; readonly supplierId: string }
  | { readonly kind: 'transfer'; readonly fromLocationId: string };

/** When and how much to reorder one SKU at one location. */
export interface ReorderRuleRecord extends StockKey {
  /** Alert and suggest when available + incoming drops below this. */
  readonly reorderPoint: string;
  /** How to size the suggestion. */
  readonly method: ReorderMethod;
  /** For `fixed-quantity`: how much to order. */
  readonly reorderQuantity: string | null;
  /** For `up-to-max`: the level to fill up to. */
  readonly maxLevel: string | null;
  /** Days from ordering to arrival. */
  readonly leadTimeDays: number;
  /** For `demand`: how many past days of sales to average. */
  readonly demandWindowDays: number | null;
  /** Where replenishment comes from. */
  readonly source: ReplenishmentSource;
  /** True after a low-stock alert fired and until stock recovered. */
  readonly alerting: boolean;
  /** When last changed. */
  readonly updatedAt: string;
}

/** Suggestion states. */
export type SuggestionStatus = 'open' | 'converted' | 'dismissed';

/** A proposed replenishment for one SKU at one location. */
export interface ReplenishmentSuggestionRecord extends StockKey {
  /** Suggestion id. */
  readonly id: string;
  /** How much to bring in. */
  readonly quantity: string;
  /** Where from. */
  readonly source: ReplenishmentSource;
  /** Its state. */
  readonly status: SuggestionStatus;
  /** Once converted: the purchase order or transfer made from it. */
  readonly documentType: 'purchase-order' | 'transfer' | null;
  /** That document's id. */
  readonly documentId: string | null;
  /** The figures it was computed from, for the user to check. */
  readonly basis: {
    /** Available at the time. */
    readonly available: string;
    /** Incoming at the time. */
    readonly incoming: string;
    /** Average daily sales used, if the rule asked for demand. */
    readonly averageDailySales: string | null;
  };
  /** When created. */
  readonly createdAt: string;
  /** Last change. */
  readonly updatedAt: string;
  /** Optimistic-concurrency version. */
  readonly version: number;
}
