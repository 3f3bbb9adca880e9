import { idSchema, ValidationError } from '@retailkit/core';
import { z } from 'zod';
import type { ResolvedOrderCommandsOptions } from '../commands/order-commands-options.js';
import { applyOrderEvent } from '../shared/apply-order-event.js';
import { defineOrderCommand, type OrderCommand } from '../shared/define-order-command.js';
import { orderRefShape } from '../shared/order-ref-shape.js';
import { instantSchema } from '../shared/order-schemas.js';
import type { OrderStorageRepositories } from '../shared/orders-context.js';
import type { OrderRecord, ShipmentRecord } from '../storage/order-records.js';

/** Input of the ship command. */
export const shipOrderInput = z.strictObject({
  ...orderRefShape,
  /** The fulfilments in the parcel; every one not yet shipped when omitted. */
  fulfilmentIds: z.array(idSchema).min(1).max(100).optional(),
  /** The carrier's name. */
  carrier: z.string().trim().min(1).max(100),
  /** The tracking number. */
  trackingNumber: z.string().trim().min(1).max(100),
  /** Where the customer can follow it (https). */
  trackingUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});

/** Input of the track command. */
export const trackShipmentInput = z.strictObject({
  ...orderRefShape,
  /** The shipment. */
  shipmentId: idSchema,
  /** What the carrier reports. */
  status: z.literal(['in-transit', 'delivered', 'exception']),
  /** When the carrier saw it; now when omitted. */
  at: instantSchema.optional(),
  /** The carrier's text. */
  note: z.string().trim().min(1).max(500).optional(),
});

/**
 * Makes the ship command (`orders.ship`): fulfilled goods handed to a carrier with a tracking
 * number and URL. Applies the process's `ship` event (the order is `shipped` once everything
 * fulfilled is on its way).
 */
export function shipOrderCommand<R extends OrderStorageRepositories>(
  options: ResolvedOrderCommandsOptions<R>,
): OrderCommand<R, typeof shipOrderInput> {
  const context = 'orders.ship input';
  return defineOrderCommand(options, {
    name: 'orders.ship',
    permission: 'orders.ship',
    input: shipOrderInput,
    change: async (ctx, order, input) => {
      const unshipped = order.fulfilments.filter((fulfilment) => fulfilment.shipmentId === null);
      let ids: string[];
      if (input.fulfilmentIds === undefined) {
        ids = unshipped.map((fulfilment) => fulfilment.id);
        if (ids.length === 0) {
          throw new ValidationError(
            [{ path: 'fulfilmentIds', message: 'nothing fulfilled is waiting to ship' }],
            { context },
          );
        }
      } else {
        ids = [...new Set(input.fulfilmentIds)];
        const issues = input.fulfilmentIds.flatMap((id, index) =>
          unshipped.some((fulfilment) => fulfilment.id === id)
            ? []
            : [
                {
                  path: `fulfilmentIds.${index}`,
                  message: `${id} is not a fulfilment of order ${order.id} waiting to ship`,
                },
              ],
        );
        if (issues.length > 0) throw new ValidationError(issues, { context });
      }
      const now = ctx.now.toISOString();
      const shipment: ShipmentRecord = {
        id: ctx.ids.next(),
        fulfilmentIds: ids,
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
        trackingUrl: input.trackingUrl ?? null,
        status: 'shipped',
        events: [{ status: 'shipped', at: now, note: null }],
        createdAt: now,
      };
      const changed: OrderRecord = {
        ...order,
        fulfilments: order.fulfilments.map((fulfilment) =>
          ids.includes(fulfilment.id) ? { ...fulfilment, shipmentId: shipment.id } : fulfilment,
        ),
        shipments: [...order.shipments, shipment],
      };
      const next = await applyOrderEvent(ctx, options.process, changed, {
        event: 'ship',
        details: {
          shipmentId: shipment.id,
          carrier: shipment.carrier,
          trackingNumber: shipment.trackingNumber,
          trackingUrl: shipment.trackingUrl,
          fulfilmentIds: ids,
        },
      });
      return next;
    },
  });
}

/**
 * Makes the track command (`orders.ship`): a carrier's update (in transit, delivered, exception)
 * on a shipment. Applies the process's `track` event (the order is `delivered` once every
 * shipment is).
 */
export function trackShipmentCommand<R extends OrderStorageRepositories>(
  options: ResolvedOrderCommandsOptions<R>,
): OrderCommand<R, typeof trackShipmentInput> {
  const context = 'orders.track-shipment input';
  return defineOrderCommand(options, {
    name: 'orders.track-shipment',
    permission: 'orders.ship',
    input: trackShipmentInput,
    change: async (ctx, order, input) => {
      const shipment = order.shipments.find((candidate) => candidate.id === input.shipmentId);
      if (!shipment) {
        throw new ValidationError(
          [{ path: 'shipmentId', message: `order ${order.id} has no shipment ${input.shipmentId}` }],
          {
            context,
          },
        );
      }
      if (shipment.status === 'delivered') {
        throw new ValidationError(
          [{ path: 'shipmentId', message: `shipment ${shipment.id} is already delivered` }],
          { context },
        );
      }
      const at = (input.at ?? ctx.now).toISOString();
      const updated: ShipmentRecord = {
        ...shipment,
        status: input.status,
        events: [...shipment.events, { status: input.status, at, note: input.note ?? null }],
      };
      const next = await applyOrderEvent(
        ctx,
        options.process,
        { ...order, shipments: order.shipments.map((s) => (s.id === shipment.id ? updated : s)) },
        {
          event: 'track',
          details: { shipmentId: shipment.id, status: input.status, at, note: input.note ?? null },
        },
      );
      return next;
    },
  });
}
