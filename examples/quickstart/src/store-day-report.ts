import { Money } from '@retailkit/core';
import type { RetailKit } from 'retailkit';
import type { Printer } from './quickstart.js';
import type { DayOrders } from './store-day.js';
import { LOCATIONS, mia, PRODUCTS } from './tea-shop.js';

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  hour: '2-digit',
  minute: '2-digit',
});

function euros(amount: string): string {
  return Money.of(amount, 'EUR').format('en-IE');
}

/** What the report found, for tests and for anyone scripting the demo. */
export interface StoreDayReport {
  /** On hand by location, then SKU. */
  readonly onHand: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Reserved units left anywhere at closing (zero when every order was settled). */
  readonly reserved: string;
  /** `location/SKU` of every low-stock alert. */
  readonly lowStock: readonly string[];
  /** Status of each of the day's orders. */
  readonly statuses: Readonly<Record<keyof DayOrders, string>>;
  /** Stock levels whose balance differs from their ledger (zero). */
  readonly drifts: number;
}

/**
 * Prints the closing reports: stock levels at every location, the low-stock list, the day's
 * orders and their histories, and a ledger check. Returns the figures it printed.
 */
export async function reportStoreDay(
  print: Printer,
  kit: RetailKit,
  orders: DayOrders,
): Promise<StoreDayReport> {
  const as = { actor: mia };
  const onHand: Record<string, Record<string, string>> = {};
  let reserved = 0;
  let drifts = 0;
  for (const location of LOCATIONS) {
    const levels = await kit.inventory.getStockLevels(
      { locationId: location.id, skus: PRODUCTS.map((product) => product.sku) },
      as,
    );
    onHand[location.id] = {};
    for (const level of levels.items) {
      (onHand[location.id] as Record<string, string>)[level.sku] =
        level.reserved === '0' ? level.onHand : `${level.onHand} (${level.reserved} reserved)`;
      reserved += Number(level.reserved);
    }
    drifts += (await kit.inventory.verifyStock({ locationId: location.id }, as)).drifts.length;
  }
  print.section('Stock at closing (units on hand)');
  print.table(
    PRODUCTS.map((product) => ({
      sku: product.sku,
      product: product.name,
      ...Object.fromEntries(LOCATIONS.map((location) => [location.name, onHand[location.id]?.[product.sku]])),
    })),
  );
  print.line(`ledger check: ${drifts} drifts; ${reserved} units still reserved`);

  print.section('Low-stock alerts (available + incoming at or below the reorder point)');
  const alerts = await kit.inventory.lowStockReport({}, as);
  const locationName = new Map<string, string>(LOCATIONS.map((location) => [location.id, location.name]));
  print.table(
    alerts.items.map((alert) => ({
      location: locationName.get(alert.locationId) ?? alert.locationId,
      sku: alert.sku,
      available: alert.available,
      incoming: alert.incoming,
      'reorder point': alert.reorderPoint,
      shortfall: alert.shortfall,
      'refill from':
        alert.source.kind === 'purchase'
          ? `supplier ${alert.source.supplierId}`
          : (locationName.get(alert.source.fromLocationId) ?? alert.source.fromLocationId),
    })),
  );

  const storeOf = (orderId: string) => (orderId.startsWith('BER') ? 'berlin' : 'hamburg');
  const views = await Promise.all(
    Object.values(orders).map((orderId) => kit.orders.getOrder({ storeId: storeOf(orderId), orderId }, as)),
  );
  print.section("The day's orders");
  print.table(
    views.map((order) => {
      const shipment = order.shipments[order.shipments.length - 1];
      const refunded = Money.sum(
        order.payments.map((payment) => Money.of(payment.refunded, order.currency)),
        order.currency,
      );
      return {
        order: order.id,
        channel: order.channel,
        status: order.status,
        payment: order.paymentStatus,
        total: euros(order.totals.total),
        refunded: refunded.isZero() ? '' : refunded.format('en-IE'),
        note: shipment
          ? `${shipment.carrier} ${shipment.trackingNumber} (${shipment.status})`
          : order.status === 'cancelled'
            ? `${order.lines.map((line) => `${line.cancelled} × ${line.sku}`).join(', ')} released`
            : order.payments.some((payment) => payment.changeDue)
              ? `change given ${euros(order.payments.find((payment) => payment.changeDue)?.changeDue ?? '0')}`
              : '',
      };
    }),
  );

  print.section('Order histories (every transition, with who and when)');
  const histories = await Promise.all(
    [orders.returnedSale, orders.pickup, orders.shipped, orders.cancelled].map(async (orderId) =>
      kit.orders.getOrderHistory({ storeId: storeOf(orderId), orderId }, as),
    ),
  );
  print.table(
    histories.flat().map((entry) => ({
      order: entry.orderId,
      time: wallClock.format(new Date(entry.at)),
      event: entry.event,
      status: entry.from === entry.to ? entry.to : `${entry.from} → ${entry.to}`,
      by: entry.actorId,
      reason: entry.reason ?? '',
    })),
  );
  const byKey = Object.fromEntries(
    (Object.keys(orders) as (keyof DayOrders)[]).map((key, index) => [key, views[index]?.status ?? '']),
  ) as Record<keyof DayOrders, string>;
  return {
    onHand,
    reserved: String(reserved),
    lowStock: alerts.items.map((alert) => `${alert.locationId}/${alert.sku}`),
    statuses: byKey,
    drifts,
  };
}
