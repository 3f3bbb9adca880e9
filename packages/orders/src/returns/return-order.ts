import { Money, ValidationError } from '@retailkit/core';
import { z } from 'zod';
import type { ResolvedOrderCommandsOptions } from '../commands/order-commands-options.js';
import { returnShare } from '../pricing/refund-share.js';
import { applyOrderEvent } from '../shared/apply-order-event.js';
import { defineOrderCommand, type OrderCommand } from '../shared/define-order-command.js';
import { addQuantities, fromNanoUnits, toNanoUnits } from '../shared/order-quantity.js';
import { orderRefShape } from '../shared/order-ref-shape.js';
import {
  lineIdSchema,
  positiveQuantitySchema,
  reasonSchema,
  storeIdSchema,
} from '../shared/order-schemas.js';
import type { OrderCommandContext, OrderStorageRepositories } from '../shared/orders-context.js';
import type {
  OrderLineRecord,
  OrderRecord,
  ReturnLineRecord,
  ReturnRecord,
} from '../storage/order-records.js';

const CONTEXT = 'orders.return input';

/** One returned line as given. */
export const returnLineInput = z.strictObject({
  /** The order line. */
  lineId: lineIdSchema,
  /** How much came back: at most what was fulfilled and not yet returned. */
  quantity: positiveQuantitySchema,
  /** `sellable` goes back on the shelf; `damaged` is written off. */
  condition: z.literal(['sellable', 'damaged']),
});

/** Input of the return command. */
export const returnOrderInput = z.strictObject({
  ...orderRefShape,
  /** Where the goods come back to; the order's store when omitted. */
  locationId: storeIdSchema.optional(),
  /** What came back. */
  lines: z.array(returnLineInput).min(1).max(500),
  /** Why. */
  reason: reasonSchema.optional(),
});

/**
 * Records a return on an order: each line's quantity at most what was fulfilled and not yet
 * returned (a ValidationError naming `lines.<i>.quantity` otherwise), the lines' allocated net and
 * tax computed so that returning everything, in any number of returns, gives back exactly what
 * the line cost. Sellable goods are restocked and damaged ones written off, in the same
 * transaction. Applies the process's `return` event. Returns the order and the return record.
 */
export async function returnOrderRecord<R extends OrderStorageRepositories>(
  ctx: OrderCommandContext<R>,
  options: ResolvedOrderCommandsOptions<R>,
  order: OrderRecord,
  input: {
    readonly locationId?: string | undefined;
    readonly lines: readonly z.output<typeof returnLineInput>[];
    readonly reason?: string | undefined;
    /** The exchange this return is part of: the new order and the exchange's key. */
    readonly exchange?: { readonly orderId: string; readonly key: string };
  },
): Promise<{ readonly order: OrderRecord; readonly ret: ReturnRecord }> {
  const byId = new Map(order.lines.map((line) => [line.id, line]));
  const returning = new Map<string, bigint>();
  const issues: { path: string; message: string }[] = [];
  input.lines.forEach((entry, index) => {
    const line = byId.get(entry.lineId);
    if (!line) {
      issues.push({
        path: `lines.${index}.lineId`,
        message: `order ${order.id} has no line ${entry.lineId}`,
      });
      return;
    }
    const room = toNanoUnits(line.fulfilled) - toNanoUnits(line.returned);
    const total = (returning.get(line.id) ?? 0n) + toNanoUnits(entry.quantity);
    if (total > room) {
      issues.push({
        path: `lines.${index}.quantity`,
        message: `only ${fromNanoUnits(room)} of line ${line.id} was fulfilled and not yet returned`,
      });
      return;
    }
    returning.set(line.id, total);
  });
  if (issues.length > 0) throw new ValidationError(issues, { context: CONTEXT });

  // Shares are taken per line in the order given, each from what the line has returned so far.
  const progress = new Map<string, OrderLineRecord>(order.lines.map((line) => [line.id, line]));
  const lines: ReturnLineRecord[] = input.lines.map((entry) => {
    const line = progress.get(entry.lineId) as OrderLineRecord;
    const share = returnShare(line, entry.quantity, order.currency);
    progress.set(line.id, { ...line, returned: addQuantities(line.returned, entry.quantity) });
    return {
      lineId: line.id,
      quantity: entry.quantity,
      condition: entry.condition,
      net: share.net,
      tax: share.tax,
    };
  });
  const amount = lines.reduce(
    (sum, line) => sum.add(Money.of(line.net, order.currency)).add(Money.of(line.tax, order.currency)),
    Money.zero(order.currency),
  );
  const ret: ReturnRecord = {
    id: ctx.ids.next(),
    locationId: input.locationId ?? order.storeId,
    lines,
    amount: amount.amount,
    reason: input.reason ?? null,
    exchangeOrderId: input.exchange?.orderId ?? null,
    exchangeKey: input.exchange?.key ?? null,
    createdAt: ctx.now.toISOString(),
  };
  const changed: OrderRecord = {
    ...order,
    lines: order.lines.map((line) => progress.get(line.id) as OrderLineRecord),
    returns: [...order.returns, ret],
  };
  options.process.transition(changed, 'return');
  if (options.stock) {
    await options.stock.restock(
      ctx,
      changed,
      ret,
      lines.map((line) => ({
        sku: (byId.get(line.lineId) as OrderLineRecord).sku,
        quantity: line.quantity,
        condition: line.condition,
      })),
    );
  }
  const next = await applyOrderEvent(ctx, options.process, changed, {
    event: 'return',
    reason: input.reason,
    details: {
      returnId: ret.id,
      locationId: ret.locationId,
      amount: ret.amount,
      lines: lines.map((line) => ({
        ...line,
        sku: (byId.get(line.lineId) as OrderLineRecord).sku,
        categoryId: (byId.get(line.lineId) as OrderLineRecord).categoryId,
      })),
    },
  });
  return { order: next, ret };
}

/** Makes the return command (`orders.return`): see {@link returnOrderRecord}; refund it with `refundPayment({ returnId })`. */
export function returnOrderCommand<R extends OrderStorageRepositories>(
  options: ResolvedOrderCommandsOptions<R>,
): OrderCommand<R, typeof returnOrderInput> {
  return defineOrderCommand(options, {
    name: 'orders.return',
    permission: 'orders.return',
    input: returnOrderInput,
    storeId: (input) => (input.locationId === undefined ? input.storeId : [input.storeId, input.locationId]),
    change: async (ctx, order, input) => (await returnOrderRecord(ctx, options, order, input)).order,
  });
}
