import type { Actor, ErrorCode } from '@retailkit/core';
import type { OrderView } from '@retailkit/orders';
import type { RetailKit } from '../../src/index.js';
import { cashier, clerk, manager, webShop } from '../support/kit-fixture.js';
import { formatCents, partOf, toCents } from './exact-cents.js';
import {
  authorizableOf,
  fullyFulfilled,
  fullyPaid,
  type ModelLine,
  type ModelOrder,
  type OrderKitModel,
  refundableOf,
} from './order-model.js';
import type { PlaceStep, Step } from './order-steps.js';

// The states of the default process that accept each event, restated here so the model is an
// oracle of its own rather than a reading of the table under test.
const CAPTURE_STATES = new Set(['placed', 'paid', 'partially-fulfilled', 'fulfilled']);
const FULFIL_STATES = new Set(['paid', 'partially-fulfilled']);
const TRACK_STATES = new Set(['partially-fulfilled', 'fulfilled', 'shipped']);
const RETURN_STATES = new Set([
  'partially-fulfilled',
  'fulfilled',
  'shipped',
  'delivered',
  'picked-up',
  'completed',
]);
const CANCEL_STATES = new Set(['draft', 'placed', 'paid']);

/** One step resolved against the model: the command, whether it must succeed, and its expected effect. */
export interface StepPlan {
  /** The command and its input, for failure messages. */
  readonly label: string;
  /** The order it acts on, or null when it creates one. */
  readonly order: ModelOrder | null;
  /** Whether the kit must accept it; a refusal must be a RetailKitError that changes nothing. */
  readonly legal: boolean;
  /** The error code a refusal must carry, when one is certain. */
  readonly refusal?: ErrorCode;
  /** Who runs it. */
  readonly actor: Actor;
  /** The history events an accepted command writes, in order. */
  readonly events: readonly string[];
  /** Runs the command through the kit. */
  run(): Promise<OrderView>;
  /** Updates the model after the kit accepted it, returning the order whose history grows. */
  apply(view: OrderView): ModelOrder;
}

const STORE = 'berlin';

/** The status after a capture: `placed` becomes `paid` once fully paid. */
function afterCapture(order: ModelOrder): string {
  return order.status === 'placed' && fullyPaid(order) ? 'paid' : order.status;
}

/** The status after a refund: `paid` falls back to `placed` when no longer fully paid. */
function afterRefund(order: ModelOrder): string {
  return order.status === 'paid' && !fullyPaid(order) ? 'placed' : order.status;
}

function last<T>(items: readonly T[], what: string): T {
  const item = items.at(-1);
  if (item === undefined) throw new Error(`the kit's view has no ${what}`);
  return item;
}

function planPlace(kit: RetailKit, model: OrderKitModel, step: PlaceStep): StepPlan {
  const locationId = step.channel === 'delivery' && step.fromWarehouse ? 'central' : STORE;
  const demand = step.lines.map((line) => ({ sku: line.sku, quantity: BigInt(line.quantity) }));
  const input = {
    storeId: STORE,
    ...(locationId === STORE ? {} : { locationId }),
    channel: step.channel,
    lines: step.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
    ...(step.discountPercent === null
      ? {}
      : { discounts: [{ kind: 'percentage' as const, value: step.discountPercent, reason: 'promo' }] }),
    ...(step.channel === 'delivery' ? { shippingAddress: ['Ada Lovelace', 'Hauptstr. 1'] } : {}),
    place: !step.draft,
  };
  const legal = step.draft || model.canReserve(locationId, demand);
  // Stock is reserved at the location: the seller must be allowed there too.
  const seller = locationId === 'berlin' ? cashier : webShop;
  return {
    label: `createOrder ${JSON.stringify(input)}`,
    order: null,
    legal,
    ...(legal ? {} : { refusal: 'INSUFFICIENT_STOCK' as const }),
    actor: seller,
    events: step.draft ? ['create'] : ['create', 'place'],
    run: () => kit.orders.createOrder(input, { actor: seller }),
    apply(view) {
      const order: ModelOrder = {
        id: view.id,
        channel: step.channel,
        locationId,
        discountPercent: step.discountPercent,
        total: toCents(view.totals.total),
        pickupCode: view.pickupCode,
        lines: demand.map((line, index) => ({
          id: String(index + 1),
          sku: line.sku,
          quantity: line.quantity,
          net: toCents(view.lines[index]?.net ?? 'missing'),
          tax: toCents(view.lines[index]?.tax ?? 'missing'),
          fulfilled: 0n,
          returned: 0n,
          cancelled: 0n,
        })),
        payments: [],
        returns: [],
        fulfilments: [],
        shipments: [],
        history: [],
        status: step.draft ? 'draft' : 'placed',
        refunded: 0n,
      };
      model.orders.push(order);
      return order;
    },
  };
}

function pickLine(order: ModelOrder, index: number): ModelLine {
  return order.lines[index % order.lines.length] as ModelLine;
}

/**
 * The command that moves `order` on along its channel's happy path; with `variant` 0 or 1 a
 * return (sellable, damaged) instead once goods are out, with 4 a cancellation before they are
 * (or of the rest, while part is out).
 */
function nextStep(order: ModelOrder, pick: number, share: number, variant: number): Step {
  const goodsOut = !['draft', 'placed', 'paid', 'cancelled'].includes(order.status);
  if (goodsOut && (variant <= 1 || (order.status === 'completed' && variant <= 3))) {
    const condition = variant % 2 === 0 ? 'sellable' : 'damaged';
    return { kind: 'return', pick, line: share, share, condition, excess: false };
  }
  if (variant === 4 && ['placed', 'paid', 'partially-fulfilled'].includes(order.status))
    return { kind: 'cancel', pick };
  switch (order.status) {
    case 'draft':
      return { kind: 'submit', pick };
    case 'placed':
      return authorizableOf(order) > 0n
        ? { kind: 'pay', pick, share: variant === 5 ? share : 100, excess: false }
        : { kind: 'capture', pick, payment: 0, share: null };
    case 'paid':
    case 'partially-fulfilled':
      return { kind: 'fulfil', pick, line: variant === 5 ? share : null, share, excess: false };
    case 'fulfilled':
      if (order.channel === 'delivery') return { kind: 'ship', pick };
      return order.channel === 'pickup'
        ? { kind: 'pick-up', pick, wrongCode: false }
        : { kind: 'complete', pick };
    case 'shipped':
      return { kind: 'track', pick };
    case 'delivered':
    case 'picked-up':
      return { kind: 'complete', pick };
    case 'cancelled':
      return { kind: 'refund', pick, mode: 'amount', share: 100 };
    default:
      return { kind: 'refund', pick, mode: 'return', share };
  }
}

/** Resolves `step` against the model, or null when it names an order and there is none yet. */
export function planStep(kit: RetailKit, model: OrderKitModel, step: Step): StepPlan | null {
  if (step.kind === 'place') return planPlace(kit, model, step);
  const order = model.orders[model.orders.length - 1 - (step.pick % Math.max(model.orders.length, 1))];
  if (!order) return null;
  if (step.kind === 'advance')
    return planStep(kit, model, nextStep(order, step.pick, step.share, step.variant));
  const ref = { storeId: STORE, orderId: order.id };
  const base = { order, label: `${step.kind} ${order.id} (${order.status}) ${JSON.stringify(step)}` };
  switch (step.kind) {
    case 'submit': {
      const due = order.lines.map((line) => ({ sku: line.sku, quantity: line.quantity - line.cancelled }));
      const draft = order.status === 'draft';
      const legal = draft && model.canReserve(order.locationId, due);
      return {
        ...base,
        legal,
        ...(draft && !legal ? { refusal: 'INSUFFICIENT_STOCK' as const } : {}),
        actor: cashier,
        events: ['place'],
        run: () => kit.orders.placeOrder(ref, { actor: cashier }),
        apply(view) {
          order.status = 'placed';
          order.pickupCode = view.pickupCode;
          return order;
        },
      };
    }
    case 'pay':
    case 'authorize': {
      const authorizable = authorizableOf(order);
      const amount =
        step.kind === 'pay' && step.excess ? authorizable + 1n : partOf(authorizable, step.share);
      const capture = step.kind === 'pay';
      const key = model.nextKey('pay');
      const input = { ...ref, key, tender: 'card' as const, amount: formatCents(amount) };
      const allowed = capture ? CAPTURE_STATES.has(order.status) : order.status === 'placed';
      return {
        ...base,
        label: `${base.label} amount ${input.amount}`,
        legal: allowed && amount <= authorizable,
        actor: cashier,
        events: [capture ? 'capture' : 'authorize'],
        run: () =>
          capture
            ? kit.orders.recordPayment(input, { actor: cashier })
            : kit.orders.authorizePayment(input, { actor: cashier }),
        apply() {
          order.payments.push({ key, authorized: amount, captured: capture ? amount : 0n, voided: false });
          order.status = afterCapture(order);
          return order;
        },
      };
    }
    case 'capture':
    case 'void': {
      const open = order.payments.filter((payment) => payment.authorized > payment.captured);
      const payment = open[step.payment % Math.max(open.length, 1)];
      if (!payment) {
        const key = order.payments[0]?.key ?? 'no-such-payment';
        return {
          ...base,
          legal: false,
          refusal: 'VALIDATION_FAILED',
          actor: cashier,
          events: [],
          run: () =>
            step.kind === 'capture'
              ? kit.orders.capturePayment({ ...ref, key }, { actor: cashier })
              : kit.orders.voidPayment({ ...ref, key }, { actor: cashier }),
          apply: () => order,
        };
      }
      const left = payment.authorized - payment.captured;
      if (step.kind === 'void') {
        return {
          ...base,
          legal: order.status === 'placed',
          actor: cashier,
          events: ['void'],
          run: () => kit.orders.voidPayment({ ...ref, key: payment.key }, { actor: cashier }),
          apply() {
            payment.authorized = payment.captured;
            payment.voided = payment.captured === 0n;
            return order;
          },
        };
      }
      const amount = step.share === null ? left : partOf(left, step.share);
      const input = {
        ...ref,
        key: payment.key,
        ...(step.share === null ? {} : { amount: formatCents(amount) }),
      };
      return {
        ...base,
        label: `${base.label} amount ${formatCents(amount)} of ${formatCents(left)}`,
        legal: CAPTURE_STATES.has(order.status),
        actor: cashier,
        events: ['capture'],
        run: () => kit.orders.capturePayment(input, { actor: cashier }),
        apply() {
          payment.captured += amount;
          order.status = afterCapture(order);
          return order;
        },
      };
    }
    case 'fulfil': {
      const fulfilable = FULFIL_STATES.has(order.status);
      const applyFulfilment = (view: OrderView, take: ReadonlyMap<ModelLine, bigint>): ModelOrder => {
        for (const [line, quantity] of take) {
          line.fulfilled += quantity;
          model.moveStock(order.locationId, line.sku, -quantity);
        }
        order.fulfilments.push({ id: last(view.fulfilments, 'fulfilment').id, shipped: false });
        order.status = fullyFulfilled(order) ? 'fulfilled' : 'partially-fulfilled';
        return order;
      };
      if (step.line === null) {
        const take = new Map(
          order.lines
            .map((line) => [line, line.quantity - line.cancelled - line.fulfilled] as const)
            .filter(([, open]) => open > 0n),
        );
        return {
          ...base,
          legal: fulfilable && take.size > 0,
          actor: clerk,
          events: ['fulfil'],
          run: () => kit.orders.fulfilOrder(ref, { actor: clerk }),
          apply: (view) => applyFulfilment(view, take),
        };
      }
      const line = pickLine(order, step.line);
      const open = line.quantity - line.cancelled - line.fulfilled;
      const quantity = step.excess ? open + 1n : partOf(open, step.share);
      return {
        ...base,
        label: `${base.label} line ${line.id} × ${quantity} of ${open} open`,
        legal: fulfilable && quantity <= open,
        actor: clerk,
        events: ['fulfil'],
        run: () =>
          kit.orders.fulfilOrder(
            { ...ref, lines: [{ lineId: line.id, quantity: quantity.toString() }] },
            { actor: clerk },
          ),
        apply: (view) => applyFulfilment(view, new Map([[line, quantity]])),
      };
    }
    case 'ship': {
      const waiting = order.fulfilments.filter((fulfilment) => !fulfilment.shipped);
      return {
        ...base,
        legal:
          order.channel === 'delivery' &&
          (order.status === 'partially-fulfilled' || order.status === 'fulfilled') &&
          waiting.length > 0,
        actor: clerk,
        events: ['ship'],
        run: () =>
          kit.orders.shipOrder(
            { ...ref, carrier: 'DHL', trackingNumber: model.nextKey('track') },
            { actor: clerk },
          ),
        apply(view) {
          for (const fulfilment of waiting) fulfilment.shipped = true;
          order.shipments.push({ id: last(view.shipments, 'shipment').id, delivered: false });
          if (order.status === 'fulfilled') order.status = 'shipped';
          return order;
        },
      };
    }
    case 'track': {
      const shipment = order.shipments.find((candidate) => !candidate.delivered);
      const shipmentId = shipment?.id ?? order.shipments[0]?.id ?? 'no-such-shipment';
      return {
        ...base,
        legal: shipment !== undefined && TRACK_STATES.has(order.status),
        actor: clerk,
        events: ['track'],
        run: () => kit.orders.trackShipment({ ...ref, shipmentId, status: 'delivered' }, { actor: clerk }),
        apply() {
          if (shipment) shipment.delivered = true;
          if (order.status === 'shipped' && order.shipments.every((s) => s.delivered)) {
            order.status = 'delivered';
          }
          return order;
        },
      };
    }
    case 'pick-up': {
      const right = order.pickupCode;
      const code = step.wrongCode || right === null ? (right === '000000' ? '000001' : '000000') : right;
      return {
        ...base,
        legal: code === right && order.channel === 'pickup' && order.status === 'fulfilled',
        actor: cashier,
        events: ['pick-up'],
        run: () => kit.orders.confirmPickup({ ...ref, code }, { actor: cashier }),
        apply() {
          order.status = 'picked-up';
          return order;
        },
      };
    }
    case 'complete':
      return {
        ...base,
        legal:
          order.status === 'picked-up' ||
          order.status === 'delivered' ||
          (order.status === 'fulfilled' && order.channel === 'in-store'),
        actor: cashier,
        events: ['complete'],
        run: () => kit.orders.completeOrder(ref, { actor: cashier }),
        apply() {
          order.status = 'completed';
          return order;
        },
      };
    case 'cancel':
      return {
        ...base,
        // Before anything is handed over it cancels the order; once part is, it cancels the rest.
        legal: CANCEL_STATES.has(order.status) || order.status === 'partially-fulfilled',
        actor: manager,
        events: ['cancel'],
        run: () =>
          kit.orders.cancelOrder({ ...ref, reason: 'customer changed their mind' }, { actor: manager }),
        apply() {
          for (const line of order.lines) line.cancelled = line.quantity - line.fulfilled;
          if (order.status !== 'partially-fulfilled') order.status = 'cancelled';
          else {
            const allShipped =
              order.channel === 'delivery' && order.fulfilments.every((fulfilment) => fulfilment.shipped);
            order.status = allShipped ? 'shipped' : 'fulfilled';
          }
          return order;
        },
      };
    case 'return': {
      const line = pickLine(order, step.line);
      const room = line.fulfilled - line.returned;
      const quantity = step.excess ? room + 1n : partOf(room, step.share);
      const input = {
        ...ref,
        lines: [{ lineId: line.id, quantity: quantity.toString(), condition: step.condition }],
      };
      return {
        ...base,
        label: `${base.label} line ${line.id} × ${quantity} of ${room} returnable`,
        legal: RETURN_STATES.has(order.status) && quantity <= room,
        actor: manager,
        events: ['return'],
        run: () => kit.orders.returnOrder(input, { actor: manager }),
        apply(view) {
          line.returned += quantity;
          // Goods come back to the selling store, whichever location they left from.
          if (step.condition === 'sellable') model.moveStock(STORE, line.sku, quantity);
          const ret = last(view.returns, 'return');
          order.returns.push({ id: ret.id, amount: toCents(ret.amount), refunded: 0n });
          return order;
        },
      };
    }
    case 'refund': {
      const refundable = refundableOf(order);
      const key = model.nextKey('refund');
      const open = order.returns.filter((ret) => ret.amount > ret.refunded);
      const ret =
        step.mode === 'return'
          ? (open[step.share % Math.max(open.length, 1)] ?? order.returns[0])
          : undefined;
      const amount = ret
        ? ret.amount - ret.refunded
        : step.mode === 'amount'
          ? partOf(refundable, step.share)
          : refundable + 1n;
      const input = ret ? { ...ref, key, returnId: ret.id } : { ...ref, key, amount: formatCents(amount) };
      return {
        ...base,
        label: `${base.label} ${formatCents(amount)} of ${formatCents(refundable)} refundable`,
        legal: order.status !== 'draft' && amount > 0n && amount <= refundable,
        actor: manager,
        events: ['refund'],
        run: () => kit.orders.refundPayment(input, { actor: manager }),
        apply() {
          order.refunded += amount;
          if (ret) ret.refunded += amount;
          order.status = afterRefund(order);
          return order;
        },
      };
    }
  }
}
