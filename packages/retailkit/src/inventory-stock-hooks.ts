import { MAX_UNIT_SCALE, parseInput } from '@retailkit/core';
import {
  commitReservation,
  commitReservationInput,
  createReserveCommand,
  formatUnits,
  type InventoryStorageRepositories,
  type ReserveCommand,
  recordReturn,
  recordReturnInput,
  releaseReservation,
  releaseReservationInput,
  reserveStockInput,
  toUnits,
} from '@retailkit/inventory';

// Reservation quantities are exact decimals of at most the finest unit scale.
const FINEST = MAX_UNIT_SCALE;

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
      const commit = (reservationId: string, here: readonly { sku: string; quantity: string }[]) =>
        commitReservation.handler(
          ctx,
          parseInput(
            commitReservationInput,
            { reservationId, lines: here.map((line) => ({ ...line })), note: `order ${order.id}` },
            'inventory.commit-reservation input',
          ),
        );
      const [only, ...others] = order.reservationIds;
      // One reservation (the default allocation) holds every line: commit without reading it first.
      if (only !== undefined && others.length === 0) {
        await commit(only, lines);
        return;
      }
      // Split reservations: take each SKU from the reservations in order, as much as each still holds.
      const left = new Map(lines.map((line) => [line.sku, toUnits(line.quantity, FINEST)]));
      for (const reservationId of order.reservationIds) {
        const reservation = await ctx.tx.inventory.getReservation(reservationId);
        if (reservation?.status !== 'open') continue;
        const here: { sku: string; quantity: string }[] = [];
        for (const line of reservation.lines) {
          const wanted = left.get(line.sku) ?? 0n;
          const open =
            toUnits(line.quantity, FINEST) - toUnits(line.committed, FINEST) - toUnits(line.released, FINEST);
          const take = wanted < open ? wanted : open;
          if (take <= 0n) continue;
          here.push({ sku: line.sku, quantity: formatUnits(take, FINEST) });
          left.set(line.sku, wanted - take);
        }
        if (here.length > 0) await commit(reservationId, here);
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
