import { ValidationError } from '@retailkit/core';
import { z } from 'zod';
import type { ResolvedOrderCommandsOptions } from '../commands/order-commands-options.js';
import { lineQuantities } from '../process/line-quantities.js';
import { applyOrderEvent } from '../shared/apply-order-event.js';
import { defineOrderCommand, type OrderCommand } from '../shared/define-order-command.js';
import { addQuantities, fromNanoUnits, toNanoUnits } from '../shared/order-quantity.js';
import { orderRefShape } from '../shared/order-ref-shape.js';
import { lineIdSchema, positiveQuantitySchema } from '../shared/order-schemas.js';
import type { OrderCommandContext, OrderStorageRepositories } from '../shared/orders-context.js';
import type { FulfilmentRecord, OrderLineRecord, OrderRecord } from '../storage/order-records.js';

const CONTEXT = 'orders.fulfil input';

/** Input of the fulfil command. */
export const fulfilOrderInput = z.strictObject({
  ...orderRefShape,
  /** Which lines and how much; everything still open when omitted. */
  lines: z
    .array(z.strictObject({ lineId: lineIdSchema, quantity: positiveQuantitySchema }))
    .min(1)
    .max(500)
    .optional(),
});

/** What a line still has to be fulfilled: ordered − cancelled − fulfilled, in 10^-9 units. */
export function openUnits(line: OrderLineRecord): bigint {
  const { due, fulfilled } = lineQuantities(line);
  return due - fulfilled;
}

/**
 * Fulfils lines of an order (picked and handed over, or packed) from its reserving location: the
 * reserved stock is sold (committed) in the same transaction. Asking for more than a line still
 * has open is a ValidationError naming `lines.<i>.quantity`. Applies the process's `fulfil` event.
 */
export async function fulfilOrderRecord<R extends OrderStorageRepositories>(
  ctx: OrderCommandContext<R>,
  options: ResolvedOrderCommandsOptions<R>,
  order: OrderRecord,
  requested: readonly { lineId: string; quantity: string }[] | undefined,
): Promise<OrderRecord> {
  const take = new Map<string, bigint>();
  if (requested === undefined) {
    for (const line of order.lines) if (openUnits(line) > 0n) take.set(line.id, openUnits(line));
  } else {
    const issues: { path: string; message: string }[] = [];
    requested.forEach((entry, index) => {
      const line = order.lines.find((candidate) => candidate.id === entry.lineId);
      if (!line) {
        issues.push({
          path: `lines.${index}.lineId`,
          message: `order ${order.id} has no line ${entry.lineId}`,
        });
        return;
      }
      const total = (take.get(line.id) ?? 0n) + toNanoUnits(entry.quantity);
      if (total > openUnits(line)) {
        issues.push({
          path: `lines.${index}.quantity`,
          message: `only ${fromNanoUnits(openUnits(line))} of line ${line.id} is open`,
        });
        return;
      }
      take.set(line.id, total);
    });
    if (issues.length > 0) throw new ValidationError(issues, { context: CONTEXT });
  }
  if (take.size === 0)
    throw new ValidationError([{ path: 'lines', message: 'nothing is left to fulfil' }], {
      context: CONTEXT,
    });
  const fulfilment: FulfilmentRecord = {
    id: ctx.ids.next(),
    locationId: order.locationId,
    lines: [...take].map(([lineId, units]) => ({ lineId, quantity: fromNanoUnits(units) })),
    shipmentId: null,
    createdAt: ctx.now.toISOString(),
  };
  const changed: OrderRecord = {
    ...order,
    lines: order.lines.map((line) => {
      const units = take.get(line.id);
      return units === undefined
        ? line
        : { ...line, fulfilled: addQuantities(line.fulfilled, fromNanoUnits(units)) };
    }),
    fulfilments: [...order.fulfilments, fulfilment],
  };
  // Check the transition before stock moves: an illegal fulfil (an unpaid order) sells nothing.
  options.process.transition(changed, 'fulfil');
  if (options.stock) {
    const bySku = new Map<string, bigint>();
    for (const line of order.lines) {
      const units = take.get(line.id);
      if (units !== undefined) bySku.set(line.sku, (bySku.get(line.sku) ?? 0n) + units);
    }
    await options.stock.commit(
      ctx,
      changed,
      [...bySku].map(([sku, units]) => ({ sku, quantity: fromNanoUnits(units) })),
    );
  }
  return applyOrderEvent(ctx, options.process, changed, {
    event: 'fulfil',
    details: { fulfilmentId: fulfilment.id, lines: fulfilment.lines.map((line) => ({ ...line })) },
  });
}

/** Makes the fulfil command (`orders.fulfil`): see {@link fulfilOrderRecord}. */
export function fulfilOrderCommand<R extends OrderStorageRepositories>(
  options: ResolvedOrderCommandsOptions<R>,
): OrderCommand<R, typeof fulfilOrderInput> {
  return defineOrderCommand(options, {
    name: 'orders.fulfil',
    permission: 'orders.fulfil',
    input: fulfilOrderInput,
    change: async (ctx, order, input) => {
      const next = await fulfilOrderRecord(ctx, options, order, input.lines);
      return next;
    },
  });
}
