import { authorize, defineCommand, Money, ValidationError } from '@retailkit/core';
import { z } from 'zod';
import { fulfilOrderRecord } from '../fulfilment/fulfil-order.js';
import { newPayment } from '../payments/new-payment.js';
import { type OrderView, toOrderView } from '../queries/order-view.js';
import { applyOrderEvent, saveNewOrder, startNewOrder } from '../shared/apply-order-event.js';
import type { OrderCommand } from '../shared/define-order-command.js';
import { paymentKeySchema, positiveAmountSchema } from '../shared/order-schemas.js';
import type { OrderCommandContext, OrderStorageRepositories } from '../shared/orders-context.js';
import type { OrderRecord, PaymentRecord } from '../storage/order-records.js';
import { buildOrder, checkOverrides, createOrderShape } from './create-order.js';
import type { ResolvedOrderCommandsOptions } from './order-commands-options.js';
import { placeOrderRecord } from './place-order.js';

const CONTEXT = 'orders.sell input';

/** One tender of a till sale. */
export const tenderInput = z.strictObject({
  /** Your key for the payment. */
  key: paymentKeySchema,
  /** How it is paid. */
  tender: z.literal(['cash', 'card', 'gift-card', 'store-credit', 'loyalty-points', 'other']),
  /** The amount it pays. */
  amount: positiveAmountSchema,
  /** Cash handed over (cash only); the change due is the difference. */
  tendered: positiveAmountSchema.optional(),
  /** The terminal's reference. */
  reference: z.string().trim().min(1).max(200).optional(),
});

/** Input of the till-sale command: an order's lines and discounts, and the tenders that pay it exactly. */
const { channel: _channel, place: _place, shippingAddress: _address, ...saleShape } = createOrderShape;
export const sellInStoreInput = z
  .strictObject({
    ...saleShape,
    /** The tenders, whose amounts sum to the order's total (cash may be tendered over, with change). */
    payments: z.array(tenderInput).min(1).max(10),
  })
  .superRefine(checkOverrides);

/**
 * Makes the till-sale command (`orders.create`, and `orders.pay` and `orders.hand-over` in the
 * store, since it takes the money and hands the goods over): an `in-store` order created, placed (stock reserved), paid by every
 * tender, fulfilled (stock sold) and completed in one transaction, each step in the history. The
 * tenders must sum exactly to the total, else a ValidationError on `payments` and nothing happens.
 */
export function sellInStoreCommand<R extends OrderStorageRepositories>(
  options: ResolvedOrderCommandsOptions<R>,
): OrderCommand<R, typeof sellInStoreInput> {
  return defineCommand({
    name: 'orders.sell',
    permission: 'orders.create',
    input: sellInStoreInput,
    // Stock is reserved and sold at the location: the actor must be allowed there too.
    storeId: (input) =>
      input.locationId === undefined || input.locationId === input.storeId
        ? input.storeId
        : [input.storeId, input.locationId],
    handler: async (ctx: OrderCommandContext<R>, input): Promise<OrderView> => {
      // A till sale also takes the money and hands the goods over: the actor needs those rights too.
      for (const permission of ['orders.pay', 'orders.hand-over'] as const) {
        await authorize(options.policy, { actor: ctx.actor, permission, storeId: input.storeId });
      }
      const built = await buildOrder(ctx, options, { ...input, channel: 'in-store' });
      const total = Money.of(built.totals.total, built.currency);
      const keys = new Set<string>();
      let paid = Money.zero(built.currency);
      const payments: PaymentRecord[] = input.payments.map((entry, index) => {
        if (keys.has(entry.key)) {
          throw new ValidationError(
            [{ path: `payments.${index}.key`, message: 'is used by another tender' }],
            { context: CONTEXT },
          );
        }
        keys.add(entry.key);
        const payment = newPayment(ctx, built.currency, entry, true, {
          path: `payments.${index}.`,
          context: CONTEXT,
        });
        paid = paid.add(Money.of(payment.amount, built.currency));
        return payment;
      });
      if (!paid.equals(total)) {
        throw new ValidationError(
          [
            {
              path: 'payments',
              message: `the tenders sum to ${paid.amount}, the total is ${total.amount} ${built.currency}`,
            },
          ],
          { context: CONTEXT },
        );
      }
      await startNewOrder(ctx, built);
      let order: OrderRecord = await placeOrderRecord(ctx, options, built);
      for (const payment of payments) {
        order = await applyOrderEvent(
          ctx,
          options.process,
          { ...order, payments: [...order.payments, payment] },
          {
            event: 'capture',
            details: {
              paymentId: payment.id,
              key: payment.key,
              tender: payment.tender,
              amount: payment.captured,
              changeDue: payment.changeDue,
            },
          },
        );
      }
      order = await fulfilOrderRecord(ctx, options, order, undefined);
      order = await applyOrderEvent(ctx, options.process, order, { event: 'complete' });
      return toOrderView(await saveNewOrder(ctx, order), options.process);
    },
  });
}
