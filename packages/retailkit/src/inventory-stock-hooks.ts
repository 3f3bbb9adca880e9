import { parseInput } from '@retailkit/core';
import {
  commitReservation,
  commitReservationInput,
  createReserveCommand,
  type InventoryStorageRepositories,
  type ReserveCommand,
  recordReturn,
  recordReturnInput,
  releaseReservation,
  releaseReservationInput,
  reserveStockInput,
} from '@retailkit/inventory';
import type { OrderStockHooks, OrderStorageRepositories } from '@retailkit/orders';

/** The repositories the facade's commands run on. */
export type KitRepositories = OrderStorageRepositories & InventoryStorageRepositories;

/**
 * Order stock wired to inventory, in the order command's own transaction: placing reserves every
 * line at the order's location (all lines checked together; InsufficientStockError lists every
 * shortage and nothing is placed), fulfilment commits the reservation, cancellation releases what
 * it still holds, and a return books the goods back in (sellable) or writes them off (damaged).
 * The inventory handlers run without a second authorisation: the order command was authorised.
 */
export function inventoryStockHooks<R extends KitRepositories>(
  reserve: ReserveCommand = createReserveCommand(),
): OrderStockHooks<R> {
  return {
    async reserve(ctx, order, lines) {
      const input = parseInput(
        reserveStockInput,
        { reference: order.id, locationId: order.locationId, lines: lines.map((line) => ({ ...line })) },
        'inventory.reserve input',
      );
      const result = await reserve.handler(ctx, input);
      return result.reservations.map((reservation) => reservation.id);
    },
    async commit(ctx, order, lines) {
      let left = new Map(lines.map((line) => [line.sku, line.quantity]));
      for (const reservationId of order.reservationIds) {
        if (left.size === 0) break;
        const reservation = await ctx.tx.inventory.getReservation(reservationId);
        if (reservation?.status !== 'open') continue;
        const held = new Set(reservation.lines.map((line) => line.sku));
        const here = [...left].filter(([sku]) => held.has(sku));
        if (here.length === 0) continue;
        const input = parseInput(
          commitReservationInput,
          {
            reservationId,
            locationId: reservation.locationId,
            lines: here.map(([sku, quantity]) => ({ sku, quantity })),
            note: `order ${order.id}`,
          },
          'inventory.commit-reservation input',
        );
        await commitReservation.handler(ctx, input);
        left = new Map([...left].filter(([sku]) => !held.has(sku)));
      }
    },
    async release(ctx, order) {
      for (const reservationId of order.reservationIds) {
        const reservation = await ctx.tx.inventory.getReservation(reservationId);
        if (reservation?.status !== 'open') continue;
        const input = parseInput(
          releaseReservationInput,
          { reservationId, locationId: reservation.locationId },
          'inventory.release-reservation input',
        );
        await releaseReservation.handler(ctx, input);
      }
    },
    async restock(ctx, order, ret, lines) {
      const input = parseInput(
        recordReturnInput,
        {
          locationId: ret.locationId,
          lines: lines.map((line) => ({ sku: line.sku, quantity: line.quantity, condition: line.condition })),
          reference: order.id,
          note: `return ${ret.id}`,
        },
        'inventory.record-return input',
      );
      await recordReturn.handler(ctx, input);
    },
  };
}
