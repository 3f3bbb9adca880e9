import {
  type CommandDefinition,
  type CurrencyCode,
  defineCommand,
  Money,
  ValidationError,
} from '@retailkit/core';
import { z } from 'zod';
import { buildOrder, checkOverrides, createOrderShape } from '../commands/create-order.js';
import type { ResolvedOrderCommandsOptions } from '../commands/order-commands-options.js';
import { placeOrderRecord } from '../commands/place-order.js';
import { fulfilOrderRecord } from '../fulfilment/fulfil-order.js';
import { newPayment } from '../payments/new-payment.js';
import { spreadRefund } from '../payments/spread-refund.js';
import { type OrderView, toOrderView } from '../queries/order-view.js';
import { applyOrderEvent, saveNewOrder, saveOrder, startNewOrder } from '../shared/apply-order-event.js';
import { loadOrderForUpdate } from '../shared/load-order.js';
import { orderRefShape } from '../shared/order-ref-shape.js';
import { paymentKeySchema, reasonSchema } from '../shared/order-schemas.js';
import type { OrderCommandContext, OrderStorageRepositories } from '../shared/orders-context.js';
import type { OrderRecord } from '../storage/order-records.js';
import { returnLineInput, returnOrderRecord } from './return-order.js';

const CONTEXT = 'orders.exchange input';

/** Input of the exchange command. */
export const exchangeOrderInput = z
  .strictObject({
    ...orderRefShape,
    /** Your key for the credit moved from the original order to the new one. */
    key: paymentKeySchema,
    /** What comes back, as for a return. */
    returnLines: z.array(returnLineInput).min(1).max(500),
    /** What the customer takes instead, priced like a new order's lines. */
    lines: createOrderShape.lines,
    /** Why. */
    reason: reasonSchema.optional(),
  })
  .superRefine(checkOverrides);

/** What an exchange produced. */
export interface ExchangeResult {
  /** The original order, with the return and the credit moved out. */
  readonly original: OrderView;
  /** The new in-store order for the replacement goods, paid by the credit as far as it goes. */
  readonly exchange: OrderView;
  /** What the customer still pays on the new order (its balance due). */
  readonly balanceDue: string;
  /** What is still owed back to the customer on the original order, to refund with `refundPayment`. */
  readonly refundDue: string;
}

/**
 * The exchange already made with `key`, if any: its credit payment on the exchange order carries
 * the key, so a retried exchange returns what the first one did instead of returning goods twice.
 */
async function findExchange<R extends OrderStorageRepositories>(
  ctx: OrderCommandContext<R>,
  options: ResolvedOrderCommandsOptions<R>,
  original: OrderRecord,
  key: string,
): Promise<ExchangeResult | undefined> {
  const ret = original.returns.find((candidate) => candidate.exchangeKey === key);
  if (ret?.exchangeOrderId == null) return undefined;
  const exchange = await ctx.tx.orders.getOrder(ret.exchangeOrderId);
  if (!exchange) return undefined;
  const currency = original.currency;
  const credit = exchange.payments.find(
    (payment) => payment.key === key && payment.tender === 'store-credit',
  );
  const moved = credit === undefined ? Money.zero(currency) : Money.of(credit.amount, currency);
  return {
    original: toOrderView(original, options.process),
    exchange: toOrderView(exchange, options.process),
    balanceDue: Money.of(exchange.totals.total, currency).subtract(moved).amount,
    refundDue: Money.of(ret.amount, currency).subtract(moved).amount,
  };
}

/** The exchange command's definition type. */
export type ExchangeOrderCommand<R extends OrderStorageRepositories> = CommandDefinition<
  R,
  typeof exchangeOrderInput,
  ExchangeResult
>;

/**
 * Makes the exchange command (`orders.return`): a return plus new lines, settled by the
 * difference, in one transaction. The returned goods are restocked (or written off) and valued at
 * their allocated net and tax; a new `in-store` order for the replacement goods is placed (stock
 * reserved) and paid with that credit, moved from the original order's captured payments as a
 * refund to `store-credit`. When the credit covers the new order, it is handed over at once and
 * any rest is reported as `refundDue`; when it does not, the new order waits for the
 * `balanceDue` (record it with `recordPayment`, then fulfil).
 */
export function exchangeOrderCommand<R extends OrderStorageRepositories>(
  options: ResolvedOrderCommandsOptions<R>,
): ExchangeOrderCommand<R> {
  return defineCommand({
    name: 'orders.exchange',
    permission: 'orders.return',
    input: exchangeOrderInput,
    storeId: (input) => input.storeId,
    handler: async (ctx: OrderCommandContext<R>, input): Promise<ExchangeResult> => {
      const original = await loadOrderForUpdate(ctx.tx.orders, input.orderId, input.storeId);
      const replay = await findExchange(ctx, options, original, input.key);
      if (replay) return replay;
      const built = await buildOrder(ctx, options, {
        storeId: original.storeId,
        channel: 'in-store',
        lines: input.lines,
        ...(original.customerId === null ? {} : { customerId: original.customerId }),
        currency: original.currency as CurrencyCode,
      });
      const exchangeDraft: OrderRecord = { ...built, exchangeForOrderId: original.id };
      const { order: returned, ret } = await returnOrderRecord(ctx, options, original, {
        lines: input.returnLines,
        reason: input.reason,
        exchange: { orderId: exchangeDraft.id, key: input.key },
      });
      const currency = original.currency;
      const of = (amount: string) => Money.of(amount, currency);
      const credit = of(ret.amount);
      const newTotal = of(exchangeDraft.totals.total);
      const moved = credit.lessThan(newTotal) ? credit : newTotal;

      // Move the credit out of the original order's captured money, latest payments first.
      const now = ctx.now.toISOString();
      const spread = spreadRefund(returned, moved, [...returned.payments].reverse(), {
        key: input.key,
        returnId: ret.id,
        at: now,
      });
      if (!spread.left.isZero()) {
        throw new ValidationError(
          [
            {
              path: 'returnLines',
              message: `order ${original.id} has not captured the ${moved.amount} ${currency} to exchange`,
            },
          ],
          { context: CONTEXT },
        );
      }
      let originalNext = returned;
      if (moved.isPositive()) {
        originalNext = await applyOrderEvent(
          ctx,
          options.process,
          { ...returned, payments: spread.payments },
          {
            event: 'refund',
            reason: input.reason,
            details: {
              key: input.key,
              amount: moved.amount,
              returnId: ret.id,
              toOrderId: exchangeDraft.id,
              tender: 'store-credit',
            },
          },
        );
      }
      const savedOriginal = await saveOrder(ctx, original, originalNext);

      await startNewOrder(ctx, exchangeDraft);
      let exchange = await placeOrderRecord(ctx, options, exchangeDraft, input.reason);
      if (moved.isPositive()) {
        const payment = newPayment(
          ctx,
          currency,
          {
            key: input.key,
            tender: 'store-credit',
            amount: moved.amount,
            reference: `exchange of order ${original.id}, return ${ret.id}`,
          },
          true,
          { path: '', context: CONTEXT },
        );
        exchange = await applyOrderEvent(
          ctx,
          options.process,
          { ...exchange, payments: [payment] },
          {
            event: 'capture',
            details: {
              paymentId: payment.id,
              key: payment.key,
              tender: payment.tender,
              amount: payment.captured,
            },
          },
        );
      }
      if (newTotal.isZero()) {
        // Nothing to pay for: the process still passes through `capture` to reach `paid`.
        exchange = await applyOrderEvent(ctx, options.process, exchange, {
          event: 'capture',
          details: { amount: newTotal.amount },
        });
      }
      if (moved.equals(newTotal)) {
        exchange = await fulfilOrderRecord(ctx, options, exchange, undefined);
        exchange = await applyOrderEvent(ctx, options.process, exchange, { event: 'complete' });
      }
      const savedExchange = await saveNewOrder(ctx, exchange);
      return {
        original: toOrderView(savedOriginal, options.process),
        exchange: toOrderView(savedExchange, options.process),
        balanceDue: newTotal.subtract(moved).amount,
        refundDue: credit.subtract(moved).amount,
      };
    },
  });
}
