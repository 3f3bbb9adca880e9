import {
  type CommandDefinition,
  defineCommand,
  idSchema,
  RetailKitError,
  ValidationError,
} from '@retailkit/core';
import { z } from 'zod';
import type { InventoryCommandContext, InventoryStorageRepositories } from '../shared/inventory-context.js';
import {
  instantSchema,
  locationIdSchema,
  quantityValueSchema,
  skuSchema,
} from '../shared/inventory-schemas.js';
import { requireLocation, resolveLines } from '../shared/require-records.js';
import { postStockChanges, type StockChange } from '../stock/post-stock-changes.js';
import { formatUnits, toUnits } from '../stock/stock-units.js';
import type { LocationRecord, ReservationRecord } from '../storage/inventory-records.js';
import type {
  Allocation,
  AllocationLine,
  AllocationStrategy,
  AvailabilityReader,
} from './allocation-strategy.js';
import { emitReservationEvent } from './reservation-event.js';
import { type ReservationView, toReservationView } from './reservation-view.js';
import { storeAllocation } from './store-allocation.js';

const CONTEXT = 'inventory.reserve input';

/** The longest time-to-live a reservation may ask for: a year. */
const MAX_TTL_MINUTES = 366 * 24 * 60;

/** Input of the reserve command ({@link reserveStock}, or one made by {@link createReserveCommand}). */
export const reserveStockInput = z
  .strictObject({
    /** What the stock is for, usually an order id. */
    reference: idSchema,
    /** The order's store. */
    locationId: locationIdSchema,
    /** What to reserve; lines of one SKU are merged and checked as a whole. */
    lines: z
      .array(
        z.strictObject({
          /** The SKU. */
          sku: skuSchema,
          /** How much, greater than zero. */
          quantity: quantityValueSchema,
        }),
      )
      .min(1)
      .max(500),
    /** When the reservation lapses (an instant after now); or give `ttlMinutes`; default never. */
    expiresAt: instantSchema.optional(),
    /** Minutes until the reservation lapses, instead of `expiresAt`. */
    ttlMinutes: z.int().min(1).max(MAX_TTL_MINUTES).optional(),
    /** Locations to draw from, in order, for strategies that split (the actor must be allowed in each). */
    preference: z.array(locationIdSchema).max(50).optional(),
  })
  .refine((input) => input.expiresAt === undefined || input.ttlMinutes === undefined, {
    path: ['ttlMinutes'],
    message: 'give either expiresAt or ttlMinutes, not both',
  });

/** What reserving returns: one reservation per location the strategy used. */
export interface ReserveStockResult {
  /** The reference reserved for. */
  readonly reference: string;
  /** The reservations made, in the order the strategy placed them. */
  readonly reservations: readonly ReservationView[];
}

/** Options of {@link createReserveCommand}. */
export interface ReserveCommandOptions {
  /** Where stock comes from; {@link storeAllocation} (the order's store) by default. */
  readonly allocate?: AllocationStrategy;
}

/** The reserve command's definition type. */
export type ReserveCommand = CommandDefinition<
  InventoryStorageRepositories,
  typeof reserveStockInput,
  ReserveStockResult
>;

/** A strategy broke its contract: a programming error, never the caller's input. */
function strategyError(strategy: AllocationStrategy, problem: string): RetailKitError {
  return new RetailKitError('INTERNAL', `Allocation strategy ${strategy.name} ${problem}`, {
    details: { strategy: strategy.name },
  });
}

/** Checks that `allocations` place exactly the requested units at allowed locations. */
function checkAllocations(
  strategy: AllocationStrategy,
  lines: readonly AllocationLine[],
  allocations: readonly Allocation[],
  allowed: ReadonlyMap<string, LocationRecord>,
): void {
  const placed = new Map<string, bigint>();
  const seen = new Set<string>();
  for (const allocation of allocations) {
    if (!allowed.has(allocation.locationId)) {
      throw strategyError(strategy, `used location ${allocation.locationId}, which the request did not name`);
    }
    if (seen.has(allocation.locationId)) {
      throw strategyError(strategy, `returned location ${allocation.locationId} twice`);
    }
    seen.add(allocation.locationId);
    for (const line of allocation.lines) {
      if (line.units <= 0n) throw strategyError(strategy, `placed a non-positive quantity of ${line.sku}`);
      placed.set(line.sku, (placed.get(line.sku) ?? 0n) + line.units);
    }
  }
  for (const line of lines) {
    if (placed.get(line.sku) !== line.units) {
      throw strategyError(strategy, `did not place exactly the ${line.units} units of ${line.sku} asked for`);
    }
    placed.delete(line.sku);
  }
  const [extra] = placed.keys();
  if (extra !== undefined) throw strategyError(strategy, `placed ${extra}, which was not asked for`);
}

/**
 * Makes a reserve command with a given allocation strategy. All lines are checked together per SKU
 * and location by one guarded update each; if any falls short, nothing is reserved and one
 * InsufficientStockError lists every shortage. One reservation is stored per location used.
 * Discontinued items cannot be reserved. Emits `inventory.stock-reserved` per reservation.
 * The actor must be allowed in the order's store and in every preference location.
 *
 * @example
 * ```ts
 * const reserveNearby = createReserveCommand({ allocate: splitByAvailability });
 * await runner.execute(
 *   reserveNearby,
 *   { reference: 'order-1', locationId: 'berlin', preference: ['berlin', 'central'], lines: [{ sku: 'tea', quantity: 2 }] },
 *   { actor },
 * );
 * ```
 */
export function createReserveCommand(options: ReserveCommandOptions = {}): ReserveCommand {
  const strategy = options.allocate ?? storeAllocation;
  return defineCommand({
    name: 'inventory.reserve',
    permission: 'inventory.reserve',
    input: reserveStockInput,
    storeId: (input) => {
      // One store: a plain id, so idempotency keys are kept per store like other store commands.
      if (input.preference === undefined) return input.locationId;
      const stores = [...new Set([input.locationId, ...input.preference])];
      return stores.length === 1 ? input.locationId : stores;
    },
    handler: async (ctx: InventoryCommandContext, input): Promise<ReserveStockResult> => {
      const repository = ctx.tx.inventory;
      const store = await requireLocation(repository, input.locationId, 'locationId', CONTEXT);
      const locations = new Map<string, LocationRecord>();
      locations.set(store.id, store);
      const preference = input.preference ?? [];
      for (let index = 0; index < preference.length; index++) {
        const id = preference[index] as string;
        if (!locations.has(id))
          locations.set(id, await requireLocation(repository, id, `preference.${index}`, CONTEXT));
      }
      const expiresAt =
        input.ttlMinutes !== undefined
          ? new Date(ctx.now.getTime() + input.ttlMinutes * 60_000)
          : (input.expiresAt ?? null);
      if (expiresAt !== null && expiresAt.getTime() <= ctx.now.getTime()) {
        throw new ValidationError([{ path: 'expiresAt', message: 'must be after now' }], {
          context: CONTEXT,
        });
      }
      const resolved = await resolveLines(repository, input.lines, 'lines', CONTEXT, { requireActive: true });

      const merged = new Map<string, AllocationLine>();
      for (const { item, units } of resolved) {
        const previous = merged.get(item.sku);
        merged.set(item.sku, { sku: item.sku, item, units: (previous?.units ?? 0n) + units });
      }
      const lines = [...merged.values()];
      const items = new Map<string, AllocationLine['item']>();
      for (const line of lines) items.set(line.sku, line.item);
      const availability: AvailabilityReader = {
        async available(locationId, sku) {
          const item = merged.get(sku)?.item ?? (await repository.getItem(sku));
          if (!item) return 0n;
          const level = await repository.getLevel({ locationId, sku });
          return level ? toUnits(level.onHand, item.scale) - toUnits(level.reserved, item.scale) : 0n;
        },
      };
      const allocations = await strategy.allocate({ locationId: store.id, preference, lines }, availability);
      checkAllocations(strategy, lines, allocations, locations);

      const changes: StockChange[] = [];
      for (const allocation of allocations) {
        const location = locations.get(allocation.locationId) as LocationRecord;
        for (const line of allocation.lines) {
          changes.push({
            location,
            item: items.get(line.sku) as AllocationLine['item'],
            reserved: line.units,
          });
        }
      }
      // The reservations are written before the stock moves: the guarded updates lock the hot
      // level rows, and on SQL every statement after them lengthens the time others wait for them.
      // A refusal throws and rolls the reservations back with everything else.
      const now = ctx.now.toISOString();
      const records: ReservationRecord[] = [];
      for (const allocation of allocations) {
        const location = locations.get(allocation.locationId) as LocationRecord;
        const record: ReservationRecord = {
          id: ctx.ids.next(),
          reference: input.reference,
          locationId: location.id,
          status: 'open',
          lines: allocation.lines.map((line) => {
            const scale = (items.get(line.sku) as AllocationLine['item']).scale;
            const zero = formatUnits(0n, scale);
            return {
              sku: line.sku,
              quantity: formatUnits(line.units, scale),
              committed: zero,
              released: zero,
            };
          }),
          expiresAt: expiresAt === null ? null : expiresAt.toISOString(),
          actorId: ctx.actor.id,
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        await repository.insertReservation(record);
        records.push(record);
      }
      await postStockChanges(ctx, changes);

      const reservations: ReservationView[] = [];
      allocations.forEach((allocation, index) => {
        const location = locations.get(allocation.locationId) as LocationRecord;
        const record = records[index] as ReservationRecord;
        emitReservationEvent(
          ctx,
          'inventory.stock-reserved',
          record,
          location,
          allocation.lines.map((line) => ({
            item: items.get(line.sku) as AllocationLine['item'],
            units: line.units,
          })),
        );
        reservations.push(toReservationView(record, items));
      });
      return { reference: input.reference, reservations };
    },
  });
}

/** Reserves stock at the order's store (the default {@link storeAllocation} strategy). */
export const reserveStock: ReserveCommand = createReserveCommand();
