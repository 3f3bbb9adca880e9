/** How an order reaches the customer. */
export type OrderChannel = 'in-store' | 'pickup' | 'delivery';

/** Every channel, in a stable order. */
export const ORDER_CHANNELS = ['in-store', 'pickup', 'delivery'] as const satisfies readonly OrderChannel[];

/** Whether catalog prices already contain tax (VAT style) or tax is added on top (sales-tax style). */
export type TaxMode = 'inclusive' | 'exclusive';

/** Where tax is rounded to the minor unit: on each line, or once per rate over the whole order. */
export type TaxRounding = 'per-line' | 'per-order';

/** A discount: a percentage of what it applies to, or a fixed amount in the order's currency. */
export interface DiscountRecord {
  /** Its id within the order. */
  readonly id: string;
  /** `percentage` (value `"10"` = 10 %) or `fixed` (value is an amount). */
  readonly kind: 'percentage' | 'fixed';
  /** The percentage or the amount, a decimal string. */
  readonly value: string;
  /** Why it was given (a promotion code, "damaged box"). */
  readonly reason: string | null;
}

/** One line of an order, with its price and the amounts allocated to it (decimal strings in the order's currency). */
export interface OrderLineRecord {
  /** The line id, unique within the order (`"1"`, `"2"`, …). */
  readonly id: string;
  /** The SKU code. */
  readonly sku: string;
  /** Its name when ordered. */
  readonly name: string;
  /** Its category when ordered, for reports and events. */
  readonly categoryId: string | null;
  /** The quantity ordered, a decimal string. */
  readonly quantity: string;
  /** The unit price as charged (tax included when the order's tax mode is `inclusive`). */
  readonly unitPrice: string;
  /** The catalog's price when ordered. */
  readonly catalogPrice: string;
  /** Why the price was overridden, or null when it is the catalog price. */
  readonly overrideReason: string | null;
  /** The tax class and its rate in the store, in percent. */
  readonly taxClassId: string;
  /** The rate in percent as a decimal string (`"19"`, `"7.5"`). */
  readonly taxRate: string;
  /** Discounts on this line alone. */
  readonly discounts: readonly DiscountRecord[];
  /** unitPrice × quantity. */
  readonly gross: string;
  /** The line's own discounts. */
  readonly lineDiscount: string;
  /** Its share of the order's discounts. */
  readonly orderDiscount: string;
  /** What the line costs without tax, after all discounts. */
  readonly net: string;
  /** The tax on the line (its share of the order's tax when rounding is per order). */
  readonly tax: string;
  /** net + tax: what the customer pays for the line. */
  readonly total: string;
  /** Quantity handed over or shipped. */
  readonly fulfilled: string;
  /** Quantity returned. */
  readonly returned: string;
  /** Quantity cancelled before fulfilment. */
  readonly cancelled: string;
}

/** The order's totals; `subtotal − discount + tax = total` when tax is exclusive, `subtotal − discount = total` (tax inside) when inclusive. */
export interface OrderTotalsRecord {
  /** Sum of the lines' gross. */
  readonly subtotal: string;
  /** Sum of line and order discounts. */
  readonly discount: string;
  /** Sum of the lines' net. */
  readonly net: string;
  /** Sum of the lines' tax. */
  readonly tax: string;
  /** What the customer pays: net + tax. */
  readonly total: string;
}

/** How a payment was made. */
export type TenderKind = 'cash' | 'card' | 'gift-card' | 'store-credit' | 'loyalty-points' | 'other';

/** A payment recorded against an order (retailkit records payments; a PSP processes them). */
export interface PaymentRecord {
  /** Payment id. */
  readonly id: string;
  /** The caller's key for it: the same key never records a second payment. */
  readonly key: string;
  /** How it was paid. */
  readonly tender: TenderKind;
  /** The amount asked for when the payment was taken: a retry with its key must ask the same. */
  readonly amount: string;
  /** What is authorised (less than `amount` once part of it was voided). */
  readonly authorized: string;
  /** What was captured so far (≤ authorized). */
  readonly captured: string;
  /** What was refunded so far (≤ captured). */
  readonly refunded: string;
  /** Cash handed over, when more than the amount (cash only). */
  readonly tendered: string | null;
  /** Change given back (cash only). */
  readonly changeDue: string | null;
  /** The PSP's or the terminal's reference, a gift card number's last digits. */
  readonly reference: string | null;
  /** `authorized`, `captured` (in part or whole), `voided`, `refunded` (wholly). */
  readonly status: 'authorized' | 'captured' | 'voided' | 'refunded';
  /** Refunds made against it. */
  readonly refunds: readonly PaymentRefundRecord[];
  /** When recorded. */
  readonly createdAt: string;
  /** Last change. */
  readonly updatedAt: string;
}

/** One refund on a payment. */
export interface PaymentRefundRecord {
  /** The caller's key for it. */
  readonly key: string;
  /** The amount. */
  readonly amount: string;
  /** The return it settles, if any. */
  readonly returnId: string | null;
  /** When. */
  readonly at: string;
}

/** Quantities of order lines, by line id. */
export interface LineQuantityRecord {
  /** The order line. */
  readonly lineId: string;
  /** How much, a decimal string. */
  readonly quantity: string;
}

/** A fulfilment: lines picked and handed over or packed, from the reserving location. */
export interface FulfilmentRecord {
  /** Fulfilment id. */
  readonly id: string;
  /** Where the goods left from. */
  readonly locationId: string;
  /** What was fulfilled. */
  readonly lines: readonly LineQuantityRecord[];
  /** The shipment carrying it (delivery orders), once shipped. */
  readonly shipmentId: string | null;
  /** When. */
  readonly createdAt: string;
}

/** Where a shipment is. */
export type ShipmentStatus = 'shipped' | 'in-transit' | 'delivered' | 'exception';

/** A shipment tracking event. */
export interface TrackingEventRecord {
  /** The new status. */
  readonly status: ShipmentStatus;
  /** When the carrier reported it. */
  readonly at: string;
  /** The carrier's text. */
  readonly note: string | null;
}

/** A parcel sent with a carrier. */
export interface ShipmentRecord {
  /** Shipment id. */
  readonly id: string;
  /** The fulfilments it carries. */
  readonly fulfilmentIds: readonly string[];
  /** The carrier's name. */
  readonly carrier: string;
  /** The tracking number. */
  readonly trackingNumber: string;
  /** Where the customer can follow it. */
  readonly trackingUrl: string | null;
  /** Its latest status. */
  readonly status: ShipmentStatus;
  /** Tracking events, oldest first. */
  readonly events: readonly TrackingEventRecord[];
  /** When shipped. */
  readonly createdAt: string;
}

/** One returned line: how much came back, in what condition, and what it refunds. */
export interface ReturnLineRecord {
  /** The order line. */
  readonly lineId: string;
  /** How much came back. */
  readonly quantity: string;
  /** `sellable` goes back on the shelf; `damaged` is written off. */
  readonly condition: 'sellable' | 'damaged';
  /** The net amount refunded for it (its allocated share of the line's net). */
  readonly net: string;
  /** The tax refunded for it. */
  readonly tax: string;
}

/** A return of fulfilled goods. */
export interface ReturnRecord {
  /** Return id. */
  readonly id: string;
  /** Where the goods came back to. */
  readonly locationId: string;
  /** What came back. */
  readonly lines: readonly ReturnLineRecord[];
  /** net + tax of the lines: what the return refunds. */
  readonly amount: string;
  /** Why. */
  readonly reason: string | null;
  /** The order the exchanged goods were sold on, when the return is part of an exchange. */
  readonly exchangeOrderId: string | null;
  /** The exchange's key, when the return is part of an exchange: a retried exchange finds it. */
  readonly exchangeKey: string | null;
  /** When. */
  readonly createdAt: string;
}

/** An order as stored: one versioned document; its history is kept apart ({@link OrderHistoryRecord}). */
export interface OrderRecord {
  /** Order id. */
  readonly id: string;
  /** The store that sold it (prices, tax and permissions are the store's). */
  readonly storeId: string;
  /** Where stock is reserved and fulfilled from: the store or a warehouse. */
  readonly locationId: string;
  /** How it reaches the customer. */
  readonly channel: OrderChannel;
  /** The customer, when known. */
  readonly customerId: string | null;
  /** ISO 4217 currency of every amount. */
  readonly currency: string;
  /** The state in the order process (the default one's or a custom one). */
  readonly status: string;
  /** Whether prices include tax. */
  readonly taxMode: TaxMode;
  /** Where tax is rounded. */
  readonly taxRounding: TaxRounding;
  /** Lines, in the order given. */
  readonly lines: readonly OrderLineRecord[];
  /** Discounts on the whole order, allocated across the lines. */
  readonly discounts: readonly DiscountRecord[];
  /** The totals. */
  readonly totals: OrderTotalsRecord;
  /** Payments. */
  readonly payments: readonly PaymentRecord[];
  /** Fulfilments. */
  readonly fulfilments: readonly FulfilmentRecord[];
  /** Shipments. */
  readonly shipments: readonly ShipmentRecord[];
  /** Returns. */
  readonly returns: readonly ReturnRecord[];
  /** The inventory reservations holding its stock. */
  readonly reservationIds: readonly string[];
  /** The code the customer shows at pickup (pickup orders). */
  readonly pickupCode: string | null;
  /** The delivery address (delivery orders), free-form lines. */
  readonly shippingAddress: readonly string[] | null;
  /** The order an exchange replaced goods of, when this order is an exchange. */
  readonly exchangeForOrderId: string | null;
  /** Free text. */
  readonly note: string | null;
  /**
   * The selling store's time zone and business-day start when the order was created, so every
   * event of the order carries its store-local business day; null when none was known.
   */
  readonly calendar: { readonly timeZone: string; readonly dayStart: string } | null;
  /** When placed, or null while a draft. */
  readonly placedAt: string | null;
  /** When created. */
  readonly createdAt: string;
  /** Last change. */
  readonly updatedAt: string;
  /** How many history entries the order has: the next entry is numbered one more. */
  readonly historyLength: number;
  /** Optimistic-concurrency version: 1 on creation, one more per change. */
  readonly version: number;
}

/** One applied event of the order process: who, when, why, from which state to which. */
export interface OrderHistoryRecord {
  /** The order's store (history is kept, and sharded, with the order). */
  readonly storeId: string;
  /** The order. */
  readonly orderId: string;
  /** 1, 2, 3… within the order. */
  readonly sequence: number;
  /** The event (`place`, `capture`, `fulfil`, `cancel`, or a custom one). */
  readonly event: string;
  /** The state before. */
  readonly from: string;
  /** The state after (equal to `from` when the event changed no state). */
  readonly to: string;
  /** Who. */
  readonly actorId: string;
  /** When (ISO-8601 UTC). */
  readonly at: string;
  /** Why, when given. */
  readonly reason: string | null;
  /** Facts of the event (amounts, quantities, ids), plain JSON. */
  readonly details: { readonly [key: string]: unknown };
}
