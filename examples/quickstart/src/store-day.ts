import type { BusinessCalendar, BusinessDate, FakeClock } from '@retailkit/core';
import type { RetailKit } from 'retailkit';
import { ben, hana, LOCATIONS, lea, mia, PRODUCTS, SUPPLIER } from './tea-shop.js';

/** The web shop: takes pickup and delivery orders for both stores and their card payments. */
const webShop = { id: 'web-shop', roles: ['cashier'], storeIds: ['berlin', 'hamburg', 'central'] }; // ships from the warehouse too

/** The orders of one business day, by what they show. */
export interface DayOrders {
  /** A till sale in Berlin; one of its teas comes back in the afternoon. */
  readonly returnedSale: string;
  /** A till sale in Hamburg, paid in cash with change. */
  readonly cashSale: string;
  /** Click and collect in Berlin: placed, paid, picked, collected with its code. */
  readonly pickup: string;
  /** A web order for Hamburg shipped from the warehouse with a tracking number. */
  readonly shipped: string;
  /** A pickup order in Hamburg, cancelled before it was picked. */
  readonly cancelled: string;
  /** An evening till sale in Berlin with a 10 % bundle discount. */
  readonly discountedSale: string;
}

/** What the morning's deliveries brought in: the purchase order and the two transfers. */
export interface MorningDeliveries {
  /** Units received at the warehouse from the supplier, by SKU (none when nothing was short). */
  readonly purchased: Readonly<Record<string, string>>;
  /** Units moved from the warehouse to each store, by SKU. */
  readonly transferred: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** The business day after the last one that has orders, or the opening day on a fresh folder. */
export async function nextBusinessDay(
  kit: RetailKit,
  calendar: BusinessCalendar,
  openingDay: BusinessDate,
): Promise<BusinessDate> {
  const latest = await kit.orders.listOrders({ limit: 1 }, { actor: mia });
  const last = latest.items[0];
  if (!last) return openingDay;
  const lastDay = calendar.businessDayOf(new Date(last.createdAt));
  const next = calendar.dayRange(lastDay).end;
  return calendar.businessDayOf(next);
}

/** Sets the clock to a wall time of the business day (stores open after the 04:00 day start). */
function clockAt(clock: FakeClock, calendar: BusinessCalendar, day: BusinessDate, time: string): void {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  // No clock change happens after 04:00, so the day start plus the wall-clock offset is exact.
  const start = calendar.dayRange(day).start.getTime();
  clock.set(new Date(start + ((hours - 4) * 60 + minutes) * 60_000));
}

async function onHandAndIncoming(kit: RetailKit, locationId: string): Promise<Map<string, number>> {
  const levels = await kit.inventory.getStockLevels(
    { locationId, skus: PRODUCTS.map((product) => product.sku) },
    { actor: mia },
  );
  // Every SKU here is counted in whole units, so Number is exact.
  return new Map(levels.items.map((level) => [level.sku, Number(level.onHand) + Number(level.incoming)]));
}

/**
 * The morning: each store is topped up to its par level from the warehouse, and the warehouse
 * orders from the supplier what that leaves it short of its own par, received before the transfers
 * leave. On the opening day this is the first stock; later it replaces yesterday's sales.
 */
async function receiveMorningDeliveries(
  kit: RetailKit,
  clock: FakeClock,
  calendar: BusinessCalendar,
  day: BusinessDate,
): Promise<MorningDeliveries> {
  const stores = LOCATIONS.filter((location) => location.kind === 'store');
  const needs = new Map<string, { sku: string; quantity: number }[]>();
  for (const store of stores) {
    const have = await onHandAndIncoming(kit, store.id);
    needs.set(
      store.id,
      PRODUCTS.map((product) => ({
        sku: product.sku,
        quantity: product.par[store.id] - (have.get(product.sku) ?? 0),
      })).filter((line) => line.quantity > 0),
    );
  }
  const warehouse = await onHandAndIncoming(kit, 'central');
  const purchase = PRODUCTS.map((product) => {
    const outgoing = stores.reduce(
      (sum, store) => sum + (needs.get(store.id)?.find((line) => line.sku === product.sku)?.quantity ?? 0),
      0,
    );
    return {
      sku: product.sku,
      quantity: product.par.central + outgoing - (warehouse.get(product.sku) ?? 0),
      unitCost: product.cost,
    };
  }).filter((line) => line.quantity > 0);

  clockAt(clock, calendar, day, '07:00');
  if (purchase.length > 0) {
    const draft = await kit.inventory.createPurchaseOrder(
      { locationId: 'central', supplierId: SUPPLIER, lines: purchase },
      { actor: mia },
    );
    await kit.inventory.orderPurchaseOrder({ id: draft.id, locationId: 'central' }, { actor: mia });
    clockAt(clock, calendar, day, '07:30');
    await kit.inventory.receivePurchaseOrder(
      {
        id: draft.id,
        locationId: 'central',
        lines: purchase.map(({ sku, quantity }) => ({ sku, quantity })),
        note: `delivery note ${day}`,
      },
      { actor: lea },
    );
  }

  const transferred: Record<string, Record<string, string>> = {};
  for (const store of stores) {
    const lines = needs.get(store.id) ?? [];
    transferred[store.id] = Object.fromEntries(lines.map((line) => [line.sku, String(line.quantity)]));
    if (lines.length === 0) continue;
    clockAt(clock, calendar, day, '07:45');
    const route = { fromLocationId: 'central', toLocationId: store.id };
    const draft = await kit.inventory.createTransfer({ ...route, lines }, { actor: lea });
    await kit.inventory.requestTransfer({ id: draft.id, ...route }, { actor: lea });
    await kit.inventory.approveTransfer({ id: draft.id, ...route }, { actor: mia });
    await kit.inventory.shipTransfer({ id: draft.id, ...route }, { actor: lea });
    clockAt(clock, calendar, day, '08:40');
    await kit.inventory.receiveTransfer(
      { id: draft.id, ...route, lines: lines.map((line) => ({ sku: line.sku, received: line.quantity })) },
      { actor: lea },
    );
  }
  return {
    purchased: Object.fromEntries(purchase.map((line) => [line.sku, String(line.quantity)])),
    transferred,
  };
}

/**
 * One business day of the tea shop, on a fake clock set to the day's wall times: the morning's
 * deliveries, till sales in both stores, a click-and-collect order, a web order shipped from the
 * warehouse, a cancellation and a return with its refund. Order ids carry the date, so every day
 * adds new orders next to the old ones.
 */
export async function runStoreDay(
  kit: RetailKit,
  clock: FakeClock,
  calendar: BusinessCalendar,
  day: BusinessDate,
): Promise<{ orders: DayOrders; deliveries: MorningDeliveries }> {
  const deliveries = await receiveMorningDeliveries(kit, clock, calendar, day);
  const stamp = day.replaceAll('-', '');
  const id = (store: string, n: number) => `${store}-${stamp}-${n}`;
  const at = (time: string) => clockAt(clock, calendar, day, time);

  at('09:12');
  const firstSale = await kit.orders.sellInStore(
    {
      orderId: id('BER', 1),
      storeId: 'berlin',
      lines: [
        { sku: 'SENCHA-100', quantity: 2 },
        { sku: 'CHASEN', quantity: 1 },
      ],
      payments: [{ key: `${id('BER', 1)}-card`, tender: 'card', amount: '33.80', reference: 'terminal 1' }],
    },
    { actor: ben },
  );

  at('09:41');
  await kit.orders.sellInStore(
    {
      orderId: id('HAM', 1),
      storeId: 'hamburg',
      lines: [
        { sku: 'KYUSU-350', quantity: 1 },
        { sku: 'EARLGREY-100', quantity: 2 },
      ],
      payments: [{ key: `${id('HAM', 1)}-cash`, tender: 'cash', amount: '62.00', tendered: '70.00' }],
    },
    { actor: hana },
  );

  // Click and collect: ordered online in the morning, collected after work.
  at('10:20');
  const pickup = await kit.orders.createOrder(
    {
      orderId: id('BER', 2),
      storeId: 'berlin',
      channel: 'pickup',
      customerId: 'anna-k',
      lines: [
        { sku: 'MATCHA-30', quantity: 1 },
        { sku: 'GENMAICHA-100', quantity: 2 },
      ],
      place: true,
    },
    { actor: webShop },
  );
  const pickupRef = { storeId: 'berlin', orderId: pickup.id };
  await kit.orders.recordPayment(
    { ...pickupRef, key: `${pickup.id}-card`, tender: 'card', amount: pickup.totals.total },
    { actor: webShop },
  );
  at('11:05');
  await kit.orders.fulfilOrder(pickupRef, { actor: lea });

  // A web order for the Hamburg shop, picked and shipped from the warehouse.
  at('11:30');
  const web = await kit.orders.createOrder(
    {
      orderId: id('HAM', 2),
      storeId: 'hamburg',
      locationId: 'central',
      channel: 'delivery',
      customerId: 'jonas-w',
      lines: [
        { sku: 'KYUSU-350', quantity: 1 },
        { sku: 'SENCHA-100', quantity: 3 },
      ],
      shippingAddress: ['Jonas Weber', 'Schulterblatt 58', '20357 Hamburg'],
      place: true,
    },
    { actor: webShop },
  );
  const webRef = { storeId: 'hamburg', orderId: web.id };
  await kit.orders.authorizePayment(
    { ...webRef, key: `${web.id}-psp`, tender: 'card', amount: web.totals.total },
    { actor: webShop },
  );
  // A pickup order in Hamburg the customer calls off before it is picked: its matcha goes back.
  at('12:10');
  const toCancel = await kit.orders.createOrder(
    {
      orderId: id('HAM', 3),
      storeId: 'hamburg',
      channel: 'pickup',
      customerId: 'lena-s',
      lines: [{ sku: 'MATCHA-30', quantity: 3 }],
      place: true,
    },
    { actor: webShop },
  );
  at('13:00');
  await kit.orders.capturePayment({ ...webRef, key: `${web.id}-psp` }, { actor: webShop });
  await kit.orders.fulfilOrder(webRef, { actor: lea });
  at('13:30');
  await kit.orders.cancelOrder(
    { storeId: 'hamburg', orderId: toCancel.id, reason: 'customer called: ordered twice' },
    { actor: mia },
  );

  at('14:15');
  const tracking = `00340434${stamp}01`;
  const shipped = await kit.orders.shipOrder(
    {
      ...webRef,
      carrier: 'DHL',
      trackingNumber: tracking,
      trackingUrl: `https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=${tracking}`,
    },
    { actor: lea },
  );
  // The morning's sencha comes back unopened, and the card is refunded its share.
  at('15:05');
  const senchaLine = firstSale.lines.find((line) => line.sku === 'SENCHA-100');
  if (senchaLine) {
    const returned = await kit.orders.returnOrder(
      {
        storeId: 'berlin',
        orderId: firstSale.id,
        lines: [{ lineId: senchaLine.id, quantity: 1, condition: 'sellable' }],
        reason: 'gift duplicate, unopened',
      },
      { actor: mia },
    );
    const ret = returned.returns[returned.returns.length - 1];
    await kit.orders.refundPayment(
      { storeId: 'berlin', orderId: firstSale.id, key: `${firstSale.id}-refund-1`, returnId: ret?.id },
      { actor: mia },
    );
  }

  at('16:40');
  await kit.orders.confirmPickup({ ...pickupRef, code: pickup.pickupCode ?? '' }, { actor: ben });
  await kit.orders.completeOrder(pickupRef, { actor: ben });

  at('17:25');
  await kit.orders.sellInStore(
    {
      orderId: id('BER', 3),
      storeId: 'berlin',
      lines: [
        { sku: 'MATCHA-30', quantity: 3 },
        { sku: 'CHASEN', quantity: 1 },
      ],
      discounts: [{ kind: 'percentage', value: '10', reason: 'matcha starter set' }],
      payments: [{ key: `${id('BER', 3)}-card`, tender: 'card', amount: '64.35' }],
    },
    { actor: ben },
  );

  at('18:20');
  const shipment = shipped.shipments[0];
  if (shipment) {
    await kit.orders.trackShipment(
      { ...webRef, shipmentId: shipment.id, status: 'in-transit', note: 'arrived at the parcel centre' },
      { actor: lea },
    );
  }

  return {
    deliveries,
    orders: {
      returnedSale: firstSale.id,
      cashSale: id('HAM', 1),
      pickup: pickup.id,
      shipped: web.id,
      cancelled: toCancel.id,
      discountedSale: id('BER', 3),
    },
  };
}
