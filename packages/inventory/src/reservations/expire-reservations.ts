import { defineCommand, RetailKitError, ValidationError } from '@retailkit/core';
import { z } from 'zod';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { locationIdSchema } from '../shared/inventory-schemas.js';
import { postStockChanges, type StockChange } from '../stock/post-stock-changes.js';
import { formatUnits } from '../stock/stock-units.js';
import type { LocationRecord, ReservationRecord, StockItemRecord } from '../storage/inventory-records.js';
import { emitReservationEvent, type ReservationEventLine } from './reservation-event.js';
import { reservationItems } from './reservation-items.js';
import { reservationLineUnits } from './reservation-view.js';

/** Input of {@link expireReservations}. */
export const expireReservationsInput = z.strictObject({
  /** Only reservations held here; all locations when left out (a chain-wide job). */
  locationId: locationIdSchema.optional(),
  /** At most this many reservations per run (default 500, at most 1000); run again while `more`. */
  limit: z.int().min(1).max(1000).default(500),
});

/** What an expiry run did. */
export interface ExpireReservationsResult {
  /** The reservations that expired, by id. */
  readonly expired: readonly string[];
  /** True when more were due than `limit` allowed: run again. */
  readonly more: boolean;
}

/**
 * Expires open reservations whose `expiresAt` is now or earlier: what they still hold goes back to
 * available (`released` on each line) and their status becomes `expired`. Meant for a scheduled
 * job (a manager or the system actor). Emits `inventory.reservation-expired` per reservation.
 */
export const expireReservations = defineCommand({
  name: 'inventory.expire-reservations',
  permission: 'inventory.expire',
  input: expireReservationsInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<ExpireReservationsResult> => {
    const repository = ctx.tx.inventory;
    if (input.locationId !== undefined && !(await repository.getLocation(input.locationId))) {
      throw new ValidationError(
        [{ path: 'locationId', message: `unknown location ${JSON.stringify(input.locationId)}` }],
        { context: 'inventory.expire-reservations input' },
      );
    }
    // The listing's bound is exclusive; one millisecond on makes it "at or before now".
    const page = await repository.listReservations(
      {
        status: 'open',
        locationId: input.locationId,
        expiresBefore: new Date(ctx.now.getTime() + 1).toISOString(),
      },
      { limit: input.limit },
    );
    const due = page.items;
    if (due.length === 0) return { expired: [], more: false };

    const items = await reservationItems(repository, due);
    const locations = new Map<string, LocationRecord>();
    const now = ctx.now.toISOString();
    const changes: StockChange[] = [];
    const expired: { record: ReservationRecord; location: LocationRecord; lines: ReservationEventLine[] }[] =
      [];
    for (const reservation of due) {
      let location = locations.get(reservation.locationId);
      if (!location) {
        location = await repository.getLocation(reservation.locationId);
        if (!location) {
          throw new RetailKitError(
            'INTERNAL',
            `Reservation ${reservation.id} is held at unknown location ${reservation.locationId}`,
          );
        }
        locations.set(location.id, location);
      }
      const lines: ReservationEventLine[] = [];
      const record: ReservationRecord = {
        ...reservation,
        status: 'expired',
        lines: reservation.lines.map((line) => {
          const item = items.get(line.sku) as StockItemRecord;
          const units = reservationLineUnits(line, item.scale);
          if (units.open <= 0n) return line;
          changes.push({ location: location as LocationRecord, item, reserved: -units.open });
          lines.push({ item, units: units.open });
          return { ...line, released: formatUnits(units.released + units.open, item.scale) };
        }),
        updatedAt: now,
        version: reservation.version + 1,
      };
      await repository.updateReservation(record, reservation.version);
      expired.push({ record, location, lines });
    }
    await postStockChanges(ctx, changes, { availability: 'skip' });
    for (const { record, location, lines } of expired) {
      emitReservationEvent(ctx, 'inventory.reservation-expired', record, location, lines);
    }
    return { expired: expired.map((entry) => entry.record.id), more: page.nextCursor !== null };
  },
});
