import { defaultOrderProcess, type OrderHistoryRecord, type OrderView } from '@retailkit/orders';
import { expect } from 'vitest';
import type { RetailKit } from '../../src/index.js';
import { manager } from '../support/kit-fixture.js';
import { divideHalfUp, toCents } from './exact-cents.js';
import {
  balanceDueOf,
  capturedOf,
  MODEL_LOCATIONS,
  MODEL_SKUS,
  type ModelOrder,
  OPENING_STOCK,
  type OrderKitModel,
  refundDueOf,
  stockKey,
} from './order-model.js';

const as = { actor: manager };

/** The catalog `seedKit` creates: list price in cents and tax rate in percent by SKU. */
const CATALOG: ReadonlyMap<string, { readonly price: bigint; readonly rate: bigint }> = new Map([
  ['TEA', { price: 499n, rate: 7n }],
  ['MUG', { price: 1200n, rate: 19n }],
  ['TIN', { price: 99n, rate: 19n }],
]);

type TransitionTarget = string | { readonly target: string } | readonly { readonly target: string }[];
const STATES = defaultOrderProcess.config.states as unknown as Readonly<
  Record<string, { readonly on?: Readonly<Record<string, TransitionTarget>> }>
>;

/** The states the process table declares `event` may lead to from `from`. */
function declaredTargets(from: string, event: string): readonly string[] {
  const declared = STATES[from]?.on?.[event];
  if (declared === undefined) return [];
  if (typeof declared === 'string') return [declared];
  return 'target' in declared ? [declared.target] : declared.map((spec) => spec.target);
}

const units = (value: string): bigint => BigInt(value);
const sum = (values: readonly bigint[]): bigint => values.reduce((a, b) => a + b, 0n);

/** The history is the model's (event, actor, time), numbered, chained, and every step is declared. */
function checkHistory(view: OrderView, history: readonly OrderHistoryRecord[], expected: ModelOrder): void {
  const where = `history of ${view.id}`;
  expect(
    history.map((entry) => [entry.event, entry.actorId, entry.at]),
    where,
  ).toEqual(expected.history.map((entry) => [entry.event, entry.actorId, entry.at]));
  expect(
    history.map((entry) => entry.sequence),
    where,
  ).toEqual(history.map((_, index) => index + 1));
  const [first, ...rest] = history;
  expect(first, where).toMatchObject({
    event: 'create',
    from: defaultOrderProcess.initial,
    to: defaultOrderProcess.initial,
  });
  let state = defaultOrderProcess.initial as string;
  for (const entry of rest) {
    expect(entry.from, `${where}: ${entry.event} starts where the last entry ended`).toBe(state);
    expect(declaredTargets(entry.from, entry.event), `${where}: ${entry.from} -${entry.event}->`).toContain(
      entry.to,
    );
    state = entry.to;
  }
  expect(view.status, `${where}: the state only changes through history`).toBe(state);
  expect(view.status, `status of ${view.id}`).toBe(expected.status);
}

/** Line quantities are the model's; returned ≤ fulfilled ≤ ordered − cancelled; fulfilments and returns add up. */
function checkQuantities(view: OrderView, expected: ModelOrder): void {
  expect(
    view.lines.map((line) => [
      line.id,
      line.sku,
      line.quantity,
      line.fulfilled,
      line.returned,
      line.cancelled,
    ]),
    `lines of ${view.id}`,
  ).toEqual(
    expected.lines.map((line) => [
      line.id,
      line.sku,
      String(line.quantity),
      String(line.fulfilled),
      String(line.returned),
      String(line.cancelled),
    ]),
  );
  for (const line of view.lines) {
    const fulfilled = units(line.fulfilled);
    const returned = units(line.returned);
    expect(returned <= fulfilled && fulfilled <= units(line.quantity) - units(line.cancelled)).toBe(true);
    const shipped = view.fulfilments.flatMap((f) => f.lines).filter((l) => l.lineId === line.id);
    expect(sum(shipped.map((l) => units(l.quantity))), `fulfilments of line ${line.id}`).toBe(fulfilled);
    const back = view.returns.flatMap((r) => r.lines).filter((l) => l.lineId === line.id);
    expect(sum(back.map((l) => units(l.quantity))), `returns of line ${line.id}`).toBe(returned);
  }
}

/** Prices, discounts and tax recomputed in cents; totals reconcile to the cent. */
function checkPricing(view: OrderView, expected: ModelOrder): void {
  const where = `pricing of ${view.id}`;
  const exclusive = view.taxMode === 'exclusive';
  const lines = view.lines.map((line) => {
    const catalog = CATALOG.get(line.sku);
    if (!catalog) throw new Error(`unknown SKU ${line.sku}`);
    const amounts = {
      gross: toCents(line.gross),
      lineDiscount: toCents(line.lineDiscount),
      orderDiscount: toCents(line.orderDiscount),
      net: toCents(line.net),
      tax: toCents(line.tax),
      total: toCents(line.total),
    };
    expect(toCents(line.unitPrice), where).toBe(catalog.price);
    expect(amounts.gross, where).toBe(catalog.price * units(line.quantity));
    expect(amounts.lineDiscount, where).toBe(0n);
    expect(amounts.net + amounts.tax, `${where}: net + tax = total on line ${line.id}`).toBe(amounts.total);
    expect(amounts.gross - amounts.orderDiscount, `${where}: gross − discount on line ${line.id}`).toBe(
      exclusive ? amounts.net : amounts.total,
    );
    expect(amounts.orderDiscount >= 0n && amounts.tax >= 0n && amounts.net >= 0n, where).toBe(true);
    return { ...amounts, rate: catalog.rate };
  });
  const subtotal = sum(lines.map((line) => line.gross));
  const tenths =
    expected.discountPercent === null ? 0n : BigInt(Math.round(Number(expected.discountPercent) * 10));
  expect(sum(lines.map((line) => line.orderDiscount)), `${where}: order discount`).toBe(
    divideHalfUp(subtotal * tenths, 1000n),
  );
  // Tax on what each line costs after discounts: on top of the net, or inside the total.
  const taxOf = (base: bigint, rate: bigint) =>
    exclusive ? divideHalfUp(base * rate, 100n) : divideHalfUp(base * rate, 100n + rate);
  const baseOf = (line: (typeof lines)[number]) => (exclusive ? line.net : line.total);
  if (view.taxRounding === 'per-line') {
    for (const line of lines) expect(line.tax, `${where}: per-line tax`).toBe(taxOf(baseOf(line), line.rate));
  } else {
    for (const rate of new Set(lines.map((line) => line.rate))) {
      const group = lines.filter((line) => line.rate === rate);
      expect(sum(group.map((line) => line.tax)), `${where}: tax at ${rate} %`).toBe(
        taxOf(sum(group.map(baseOf)), rate),
      );
    }
  }
  const totals = {
    subtotal: toCents(view.totals.subtotal),
    discount: toCents(view.totals.discount),
    net: toCents(view.totals.net),
    tax: toCents(view.totals.tax),
    total: toCents(view.totals.total),
  };
  expect(totals, `${where}: totals are the lines' sums`).toEqual({
    subtotal,
    discount: sum(lines.map((line) => line.lineDiscount + line.orderDiscount)),
    net: sum(lines.map((line) => line.net)),
    tax: sum(lines.map((line) => line.tax)),
    total: sum(lines.map((line) => line.total)),
  });
  expect(totals.net + totals.tax, `${where}: net + tax = total`).toBe(totals.total);
  expect(totals.subtotal - totals.discount + (exclusive ? totals.tax : 0n), where).toBe(totals.total);
  expect(totals.total, where).toBe(expected.total);
}

/** Payments and refunds are the model's; refunded ≤ captured ≤ authorised per payment and overall. */
function checkPayments(view: OrderView, expected: ModelOrder): void {
  const where = `payments of ${view.id}`;
  expect(
    view.payments.map((p) => [p.key, toCents(p.authorized), toCents(p.captured)]),
    where,
  ).toEqual(expected.payments.map((p) => [p.key, p.authorized, p.captured]));
  for (const payment of view.payments) {
    const refunded = toCents(payment.refunded);
    expect(refunded >= 0n && refunded <= toCents(payment.captured), `${where}: ${payment.key}`).toBe(true);
    expect(toCents(payment.captured) <= toCents(payment.authorized), `${where}: ${payment.key}`).toBe(true);
    expect(sum(payment.refunds.map((refund) => toCents(refund.amount))), where).toBe(refunded);
  }
  const captured = sum(view.payments.map((p) => toCents(p.captured)));
  const refunded = sum(view.payments.map((p) => toCents(p.refunded)));
  expect([captured, refunded], where).toEqual([capturedOf(expected), expected.refunded]);
  expect(refunded <= captured, `${where}: refunded ≤ captured`).toBe(true);
  expect(toCents(view.refundable), where).toBe(captured - refunded);
  expect(toCents(view.balanceDue), where).toBe(balanceDueOf(expected));
  expect(toCents(view.refundDue), where).toBe(refundDueOf(expected));
}

/** Returns are the model's; each is worth its lines; a line returned whole gives back exactly what it cost. */
function checkReturns(view: OrderView, expected: ModelOrder): void {
  const where = `returns of ${view.id}`;
  expect(
    view.returns.map((r) => [r.id, toCents(r.amount)]),
    where,
  ).toEqual(expected.returns.map((r) => [r.id, r.amount]));
  const refunds = view.payments.flatMap((payment) => payment.refunds);
  for (const ret of view.returns) {
    expect(sum(ret.lines.map((line) => toCents(line.net) + toCents(line.tax))), where).toBe(
      toCents(ret.amount),
    );
    const refunded = sum(refunds.filter((r) => r.returnId === ret.id).map((r) => toCents(r.amount)));
    expect(refunded <= toCents(ret.amount), `${where}: refunds of ${ret.id}`).toBe(true);
  }
  for (const line of view.lines) {
    const back = view.returns.flatMap((r) => r.lines).filter((l) => l.lineId === line.id);
    const net = sum(back.map((l) => toCents(l.net)));
    const tax = sum(back.map((l) => toCents(l.tax)));
    expect(net <= toCents(line.net) && tax <= toCents(line.tax), `${where}: line ${line.id}`).toBe(true);
    if (line.returned === line.quantity) {
      expect([net, tax], `${where}: line ${line.id} returned whole`).toEqual([
        toCents(line.net),
        toCents(line.tax),
      ]);
    }
  }
}

/** Stock agrees three ways (kit levels, the model, the order records) and inventory's own audit. */
async function checkStock(kit: RetailKit, model: OrderKitModel, views: readonly OrderView[]): Promise<void> {
  const fromRecords = new Map<string, { onHand: bigint; reserved: bigint }>();
  const at = (locationId: string, sku: string) => {
    const key = stockKey(locationId, sku);
    let entry = fromRecords.get(key);
    if (!entry) {
      entry = { onHand: OPENING_STOCK.get(key) ?? 0n, reserved: 0n };
      fromRecords.set(key, entry);
    }
    return entry;
  };
  for (const view of views) {
    const skuOf = new Map(view.lines.map((line) => [line.id, line.sku]));
    for (const fulfilment of view.fulfilments) {
      for (const line of fulfilment.lines) {
        at(fulfilment.locationId, skuOf.get(line.lineId) as string).onHand -= units(line.quantity);
      }
    }
    for (const ret of view.returns) {
      for (const line of ret.lines) {
        if (line.condition === 'sellable') {
          at(ret.locationId, skuOf.get(line.lineId) as string).onHand += units(line.quantity);
        }
      }
    }
    if (view.status === 'draft') continue;
    for (const line of view.lines) {
      at(view.locationId, line.sku).reserved +=
        units(line.quantity) - units(line.cancelled) - units(line.fulfilled);
    }
  }
  const open = new Map<string, bigint>();
  let after: string | undefined;
  do {
    const page = await kit.inventory.listReservations(
      { status: 'open', limit: 1000, ...(after ? { after } : {}) },
      as,
    );
    for (const reservation of page.items) {
      for (const line of reservation.lines) {
        const key = stockKey(reservation.locationId, line.sku);
        open.set(key, (open.get(key) ?? 0n) + units(line.open));
      }
    }
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  for (const locationId of MODEL_LOCATIONS) {
    for (const sku of MODEL_SKUS) {
      const level = await kit.inventory.getStockLevel({ locationId, sku }, as);
      const where = `stock of ${sku} in ${locationId}`;
      const onHand = units(level.onHand);
      const reserved = units(level.reserved);
      const records = at(locationId, sku);
      expect([onHand, reserved], `${where}: kit vs model`).toEqual([
        model.onHandOf(locationId, sku),
        model.reservedOf(locationId, sku),
      ]);
      expect([onHand, reserved], `${where}: kit vs order records`).toEqual([
        records.onHand,
        records.reserved,
      ]);
      expect(reserved, `${where}: kit vs open reservations`).toBe(open.get(stockKey(locationId, sku)) ?? 0n);
      expect(units(level.available), where).toBe(onHand - reserved);
      expect(units(level.available) >= 0n, `${where}: available never below zero`).toBe(true);
    }
  }
  expect(await kit.inventory.verifyStock({}, as), 'verifyStock').toMatchObject({ drifts: [] });
}

/**
 * Checks every invariant of DESIGN.md's orders and inventory sections against the kit, reading
 * only through its queries, and against the model.
 */
export async function checkOrderInvariants(kit: RetailKit, model: OrderKitModel): Promise<void> {
  const views: OrderView[] = [];
  for (const expected of model.orders) {
    const ref = { storeId: 'berlin', orderId: expected.id };
    const view = await kit.orders.getOrder(ref, as);
    checkHistory(view, await kit.orders.getOrderHistory(ref, as), expected);
    checkQuantities(view, expected);
    checkPricing(view, expected);
    checkPayments(view, expected);
    checkReturns(view, expected);
    views.push(view);
  }
  const listed = await kit.orders.listOrders({ storeId: 'berlin', limit: 1000 }, as);
  expect(listed.items.map((order) => order.id).sort(), 'no order but the accepted ones').toEqual(
    model.orders.map((order) => order.id).sort(),
  );
  await checkStock(kit, model, views);
}
