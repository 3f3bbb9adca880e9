import { IdempotencyKeyReuseError, type Money, ValidationError } from '@retailkit/core';
import { z } from 'zod';
import type { ResolvedOrderCommandsOptions } from '../commands/order-commands-options.js';
import { applyOrderEvent } from '../shared/apply-order-event.js';
import { defineOrderCommand, type OrderCommand } from '../shared/define-order-command.js';
import { orderRefShape } from '../shared/order-ref-shape.js';
import { paymentKeySchema, positiveAmountSchema, reasonSchema } from '../shared/order-schemas.js';
import type { OrderCommandContext, OrderStorageRepositories } from '../shared/orders-context.js';
import type { OrderRecord, PaymentRecord, TenderKind } from '../storage/order-records.js';
import { newPayment } from './new-payment.js';
import { inputMoney } from './order-money.js';
import { paymentAmounts } from './payment-amounts.js';
import { spreadRefund } from './spread-refund.js';

const TENDERS = [
  'cash',
  'card',
  'gift-card',
  'store-credit',
  'loyalty-points',
  'other',
] as const satisfies readonly TenderKind[];

/** Input of `recordPayment` (authorised and captured at once) and `authorizePayment`. */
export const paymentInput = z.strictObject({
  ...orderRefShape,
  /** Your key for this payment: the same key never records a second one. */
  key: paymentKeySchema,
  /** How it is paid. */
  tender: z.literal(TENDERS),
  /** The amount, in the order's currency; at most what is still due. */
  amount: positiveAmountSchema,
  /** Cash handed over, when more than the amount (cash only): the change due is the difference. */
  tendered: positiveAmountSchema.optional(),
  /** The terminal's or PSP's reference. */
  reference: z.string().trim().min(1).max(200).optional(),
});

/** Input of `capturePayment`. */
export const capturePaymentInput = z.strictObject({
  ...orderRefShape,
  /** The authorised payment's key. */
  key: paymentKeySchema,
  /** How much to capture; what remains authorised when omitted. */
  amount: positiveAmountSchema.optional(),
});

/** Input of `voidPayment`. */
export const voidPaymentInput = z.strictObject({
  ...orderRefShape,
  /** The authorised payment's key. */
  key: paymentKeySchema,
  /** Why. */
  reason: reasonSchema.optional(),
});

/** Input of `refundPayment`. */
export const refundPaymentInput = z.strictObject({
  ...orderRefShape,
  /** Your key for this refund: a retry with the same key refunds nothing more. */
  key: paymentKeySchema,
  /** How much; the return's amount still unrefunded when `returnId` is given and this is omitted. */
  amount: positiveAmountSchema.optional(),
  /** The return this refund settles. */
  returnId: z.string().min(1).max(200).optional(),
  /** Refund only this payment (by its key); otherwise the latest payments first. */
  paymentKey: paymentKeySchema.optional(),
  /** Why. */
  reason: reasonSchema.optional(),
});

const amountOf = (order: OrderRecord, value: string, path: string, context: string): Money =>
  inputMoney(value, order.currency, path, context);

/** The payment with `key`, if recorded. */
function findPayment(order: OrderRecord, key: string): PaymentRecord | undefined {
  return order.payments.find((payment) => payment.key === key);
}

/**
 * The payment with `key` and what its authorisation still holds uncaptured (maybe nothing); a
 * ValidationError on `key` when no payment has it or it was voided or refunded.
 */
function openAuthorization(
  order: OrderRecord,
  key: string,
  context: string,
): { readonly payment: PaymentRecord; readonly open: Money } {
  const payment = findPayment(order, key);
  if (payment === undefined || payment.status === 'voided' || payment.status === 'refunded') {
    throw new ValidationError([{ path: 'key', message: `no open authorisation has key ${key}` }], {
      context,
    });
  }
  const open = amountOf(order, payment.authorized, 'key', context).subtract(
    amountOf(order, payment.captured, 'key', context),
  );
  return { payment, open };
}

/** The order with `updated` in place of the payment of the same key. */
function withPayment(order: OrderRecord, updated: PaymentRecord): OrderRecord {
  return { ...order, payments: order.payments.map((p) => (p.key === updated.key ? updated : p)) };
}

/** Records a new payment (authorised, and captured when `capture`); the same key replays the first. */
async function addPayment<R extends OrderStorageRepositories>(
  ctx: OrderCommandContext<R>,
  options: ResolvedOrderCommandsOptions<R>,
  order: OrderRecord,
  input: z.output<typeof paymentInput>,
  capture: boolean,
  context: string,
): Promise<OrderRecord> {
  const existing = findPayment(order, input.key);
  if (existing) {
    // Whatever happened to the payment since (captured, voided, refunded), a retry asking for the
    // same tender and amount is the same payment.
    const same =
      existing.tender === input.tender &&
      amountOf(order, existing.amount, 'amount', context).equals(
        amountOf(order, input.amount, 'amount', context),
      );
    if (!same) throw new IdempotencyKeyReuseError(input.key, context.replace(/ input$/, ''));
    return order;
  }
  const amount = amountOf(order, input.amount, 'amount', context);
  const { authorizable } = paymentAmounts(order);
  if (amount.greaterThan(authorizable)) {
    throw new ValidationError(
      [{ path: 'amount', message: `is more than the ${authorizable.amount} ${order.currency} still due` }],
      { context },
    );
  }
  const payment = newPayment(ctx, order.currency, input, capture, { path: '', context });
  return applyOrderEvent(
    ctx,
    options.process,
    { ...order, payments: [...order.payments, payment] },
    {
      event: capture ? 'capture' : 'authorize',
      details: {
        paymentId: payment.id,
        key: payment.key,
        tender: payment.tender,
        amount: payment.authorized,
        changeDue: payment.changeDue,
      },
    },
  );
}

/**
 * Makes `recordPayment` (`orders.pay`): a payment taken in full at once (cash with change due,
 * a card on the terminal, a gift card, store credit). At most the balance due; idempotent by `key`.
 * Applies the process's `capture` event (the order becomes `paid` once nothing is due).
 */
export function recordPaymentCommand<R extends OrderStorageRepositories>(
  options: ResolvedOrderCommandsOptions<R>,
): OrderCommand<R, typeof paymentInput> {
  return defineOrderCommand(options, {
    name: 'orders.record-payment',
    permission: 'orders.pay',
    input: paymentInput,
    change: (ctx, order, input) =>
      addPayment(ctx, options, order, input, true, 'orders.record-payment input'),
  });
}

/** Makes `authorizePayment` (`orders.pay`): an authorisation to capture later, in parts if need be; idempotent by `key`. */
export function authorizePaymentCommand<R extends OrderStorageRepositories>(
  options: ResolvedOrderCommandsOptions<R>,
): OrderCommand<R, typeof paymentInput> {
  return defineOrderCommand(options, {
    name: 'orders.authorize-payment',
    permission: 'orders.pay',
    input: paymentInput,
    change: (ctx, order, input) =>
      addPayment(ctx, options, order, input, false, 'orders.authorize-payment input'),
  });
}

/** Makes `capturePayment` (`orders.pay`): captures all or part of what an authorisation still holds. */
export function capturePaymentCommand<R extends OrderStorageRepositories>(
  options: ResolvedOrderCommandsOptions<R>,
): OrderCommand<R, typeof capturePaymentInput> {
  const context = 'orders.capture-payment input';
  return defineOrderCommand(options, {
    name: 'orders.capture-payment',
    permission: 'orders.pay',
    input: capturePaymentInput,
    change: async (ctx, order, input) => {
      const { payment, open } = openAuthorization(order, input.key, context);
      const amount = input.amount === undefined ? open : amountOf(order, input.amount, 'amount', context);
      if (open.isZero() || amount.greaterThan(open)) {
        throw new ValidationError(
          [{ path: 'amount', message: `only ${open.amount} ${order.currency} is still authorised` }],
          {
            context,
          },
        );
      }
      const captured = amountOf(order, payment.captured, 'key', context).add(amount);
      const updated: PaymentRecord = {
        ...payment,
        captured: captured.amount,
        status: 'captured',
        updatedAt: ctx.now.toISOString(),
      };
      return applyOrderEvent(ctx, options.process, withPayment(order, updated), {
        event: 'capture',
        details: { paymentId: payment.id, key: payment.key, amount: amount.amount },
      });
    },
  });
}

/** Makes `voidPayment` (`orders.pay`): drops what an authorisation still holds uncaptured. */
export function voidPaymentCommand<R extends OrderStorageRepositories>(
  options: ResolvedOrderCommandsOptions<R>,
): OrderCommand<R, typeof voidPaymentInput> {
  const context = 'orders.void-payment input';
  return defineOrderCommand(options, {
    name: 'orders.void-payment',
    permission: 'orders.pay',
    input: voidPaymentInput,
    change: async (ctx, order, input) => {
      const { payment, open } = openAuthorization(order, input.key, context);
      if (open.isZero()) {
        throw new ValidationError(
          [{ path: 'key', message: `payment ${input.key} holds nothing left to void` }],
          {
            context,
          },
        );
      }
      const nothingCaptured = amountOf(order, payment.captured, 'key', context).isZero();
      const updated: PaymentRecord = {
        ...payment,
        // A partly captured authorisation keeps what was captured; the rest is given up.
        authorized: payment.captured,
        status: nothingCaptured ? 'voided' : 'captured',
        updatedAt: ctx.now.toISOString(),
      };
      return applyOrderEvent(ctx, options.process, withPayment(order, updated), {
        event: 'void',
        reason: input.reason,
        details: { paymentId: payment.id, key: payment.key, amount: open.amount },
      });
    },
  });
}

/**
 * Makes `refundPayment` (`orders.refund`): refunds up to what was captured, from one payment or
 * spread over the latest payments first. With `returnId` and no amount it refunds exactly what the
 * return is worth and is not yet refunded. Idempotent by `key`.
 */
export function refundPaymentCommand<R extends OrderStorageRepositories>(
  options: ResolvedOrderCommandsOptions<R>,
): OrderCommand<R, typeof refundPaymentInput> {
  const context = 'orders.refund-payment input';
  return defineOrderCommand(options, {
    name: 'orders.refund-payment',
    permission: 'orders.refund',
    input: refundPaymentInput,
    change: async (ctx, order, input) => {
      const previous = order.payments.flatMap((payment) =>
        payment.refunds.filter((refund) => refund.key === input.key),
      );
      if (previous.length > 0) {
        const total = previous.reduce(
          (sum, refund) => sum.add(amountOf(order, refund.amount, 'key', context)),
          amountOf(order, '0', 'key', context),
        );
        const same =
          (input.amount === undefined || total.equals(amountOf(order, input.amount, 'amount', context))) &&
          (previous[0]?.returnId ?? undefined) === input.returnId;
        if (!same) throw new IdempotencyKeyReuseError(input.key, 'orders.refund-payment');
        return order;
      }
      const zero = amountOf(order, '0', 'amount', context);
      let amount: Money;
      if (input.returnId !== undefined) {
        const ret = order.returns.find((r) => r.id === input.returnId);
        if (!ret) {
          throw new ValidationError(
            [{ path: 'returnId', message: `order ${order.id} has no return ${input.returnId}` }],
            { context },
          );
        }
        const refundedForReturn = order.payments
          .flatMap((payment) => payment.refunds)
          .filter((refund) => refund.returnId === ret.id)
          .reduce((sum, refund) => sum.add(amountOf(order, refund.amount, 'returnId', context)), zero);
        const outstanding = amountOf(order, ret.amount, 'returnId', context).subtract(refundedForReturn);
        if (!outstanding.isPositive()) {
          throw new ValidationError([{ path: 'returnId', message: `return ${ret.id} is already refunded` }], {
            context,
          });
        }
        amount = input.amount === undefined ? outstanding : amountOf(order, input.amount, 'amount', context);
        if (amount.greaterThan(outstanding)) {
          throw new ValidationError(
            [
              {
                path: 'amount',
                message: `return ${ret.id} has only ${outstanding.amount} ${order.currency} left to refund`,
              },
            ],
            { context },
          );
        }
      } else if (input.amount !== undefined) {
        amount = amountOf(order, input.amount, 'amount', context);
      } else {
        throw new ValidationError([{ path: 'amount', message: 'give the amount or the return it refunds' }], {
          context,
        });
      }
      const candidates =
        input.paymentKey === undefined
          ? [...order.payments].reverse()
          : order.payments.filter((p) => p.key === input.paymentKey);
      if (input.paymentKey !== undefined && candidates.length === 0) {
        throw new ValidationError(
          [{ path: 'paymentKey', message: `no payment has key ${input.paymentKey}` }],
          { context },
        );
      }
      const refundable = candidates.reduce(
        (sum, p) =>
          sum.add(
            amountOf(order, p.captured, 'amount', context).subtract(
              amountOf(order, p.refunded, 'amount', context),
            ),
          ),
        zero,
      );
      if (amount.greaterThan(refundable)) {
        throw new ValidationError(
          [
            {
              path: 'amount',
              message: `is more than the ${refundable.amount} ${order.currency} captured and not yet refunded`,
            },
          ],
          { context },
        );
      }
      const now = ctx.now.toISOString();
      const spread = spreadRefund(order, amount, candidates, {
        key: input.key,
        returnId: input.returnId ?? null,
        at: now,
      });
      const next = await applyOrderEvent(
        ctx,
        options.process,
        { ...order, payments: spread.payments },
        {
          event: 'refund',
          reason: input.reason,
          details: {
            key: input.key,
            amount: amount.amount,
            returnId: input.returnId ?? null,
            payments: [...spread.parts],
          },
        },
      );
      return next;
    },
  });
}
