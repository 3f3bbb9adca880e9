import {
  type Actor,
  type CommandDefinition,
  type CommandOutcome,
  type CommandRunner,
  createCommandRunner,
  type DomainEvent,
  FakeClock,
  sequentialIds,
} from '@retailkit/core';
import { createMemoryStorage, type MemoryStorage } from '@retailkit/storage-memory';
import { anActor } from '@retailkit/testkit';
import type { z } from 'zod';
import { registerItem } from '../../src/items/register-item.js';
import { defineLocation } from '../../src/locations/define-location.js';
import type { InventoryStorageRepositories } from '../../src/shared/inventory-context.js';
import { formatUnits, toUnits } from '../../src/stock/stock-units.js';
import { adjustStock } from '../../src/stock-commands/adjust-stock.js';
import type {
  ReservationRecord,
  StockLevelRecord,
  StockMovementRecord,
} from '../../src/storage/inventory-records.js';
import type { InventoryRepository, MovementFilter } from '../../src/storage/inventory-repository.js';

/** Monday 2025-03-03, 10:00 in Berlin. */
export const START = '2025-03-03T09:00:00.000Z';

/** A running inventory over the memory adapter, with two stores, a warehouse and two items. */
export interface InventorySetup {
  /** The memory storage. */
  readonly storage: MemoryStorage;
  /** The runner every command goes through. */
  readonly runner: CommandRunner<InventoryStorageRepositories>;
  /** The fake clock (starts at {@link START}). */
  readonly clock: FakeClock;
  /** An unscoped admin. */
  readonly admin: Actor;
  /** Runs a command (as `admin` unless another actor is given) and returns its result. */
  execute<S extends z.ZodType, R>(
    command: CommandDefinition<InventoryStorageRepositories, S, R>,
    input: z.input<S>,
    actor?: Actor,
  ): Promise<R>;
  /** Runs a command and returns the result with its events. */
  run<S extends z.ZodType, R>(
    command: CommandDefinition<InventoryStorageRepositories, S, R>,
    input: z.input<S>,
    actor?: Actor,
  ): Promise<CommandOutcome<R>>;
  /**
   * Puts stock in: an `adjust-stock` line with reason `found` at `unitCost` (default "1.00"), so
   * tests need no purchase order. `quantity` is a decimal string or a whole number.
   */
  receive(locationId: string, sku: string, quantity: string | number, unitCost?: string): Promise<void>;
  /** Reads straight from storage, outside any command. */
  read<T>(fn: (repository: InventoryRepository) => Promise<T>): Promise<T>;
  /** The stored level, or undefined. */
  level(locationId: string, sku: string): Promise<StockLevelRecord | undefined>;
  /**
   * `[onHand, reserved]` of a level at the item's scale (`'1.500'` for kg); zeros when there is none.
   * Stored strings may be written differently (`'1.5'`), so compare these rather than raw records.
   */
  balances(locationId: string, sku: string): Promise<readonly [string, string]>;
  /** Every ledger entry matching `filter`, oldest first. */
  movements(filter?: MovementFilter): Promise<readonly StockMovementRecord[]>;
  /** Every reservation, by id. */
  reservations(): Promise<readonly ReservationRecord[]>;
  /** The committed events of one outbox stream, in order (e.g. `reservation:x-000007`). */
  stream(name: string): Promise<readonly DomainEvent[]>;
}

async function readAll<T>(
  list: (page: {
    limit: number;
    after?: string;
  }) => Promise<{ items: readonly T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const rows: T[] = [];
  let after: string | undefined;
  do {
    const page = await list(after === undefined ? { limit: 1000 } : { limit: 1000, after });
    rows.push(...page.items);
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  return rows;
}

/**
 * A fresh inventory: stores `berlin` and `hamburg` (Europe/Berlin, EUR), warehouse `central`
 * (EUR), items `tea-each` (each, category `tea`) and `coffee-kg` (kg, category `coffee`).
 */
export async function setupInventory(options: { readonly start?: string } = {}): Promise<InventorySetup> {
  const storage = createMemoryStorage();
  const clock = new FakeClock(options.start ?? START);
  const runner = createCommandRunner<InventoryStorageRepositories>({
    storage,
    clock,
    ids: sequentialIds('x'),
    retry: { baseDelayMs: 0, maxDelayMs: 0 },
  });
  const admin = anActor({ id: 'admin' });
  const run: InventorySetup['run'] = (command, input, actor = admin) => runner.run(command, input, { actor });
  const execute: InventorySetup['execute'] = (command, input, actor = admin) =>
    runner.execute(command, input, { actor });
  const read: InventorySetup['read'] = (fn) => storage.transaction((tx) => fn(tx.inventory));

  for (const [id, kind] of [
    ['berlin', 'store'],
    ['hamburg', 'store'],
    ['central', 'warehouse'],
  ] as const) {
    await execute(defineLocation, {
      id,
      kind,
      name: id[0]?.toUpperCase() + id.slice(1),
      timeZone: 'Europe/Berlin',
      dayStart: '00:00',
      currency: 'EUR',
    });
  }
  await execute(registerItem, { sku: 'tea-each', name: 'Green tea', unit: 'each', categoryId: 'tea' });
  await execute(registerItem, { sku: 'coffee-kg', name: 'Coffee beans', unit: 'kg', categoryId: 'coffee' });

  return {
    storage,
    runner,
    clock,
    admin,
    execute,
    run,
    async receive(locationId, sku, quantity, unitCost = '1.00') {
      await execute(adjustStock, {
        locationId,
        lines: [{ sku, quantity: String(quantity), reason: 'found', unitCost }],
      });
    },
    read,
    level: (locationId, sku) => read((repository) => repository.getLevel({ locationId, sku })),
    async balances(locationId, sku) {
      const [level, item] = await read(
        async (repository) =>
          [await repository.getLevel({ locationId, sku }), await repository.getItem(sku)] as const,
      );
      const scale = item?.scale ?? 0;
      const format = (value: string | undefined) => formatUnits(toUnits(value ?? '0', scale), scale);
      return [format(level?.onHand), format(level?.reserved)] as const;
    },
    movements: (filter = {}) =>
      read((repository) => readAll((page) => repository.listMovements(filter, page))),
    reservations: () => read((repository) => readAll((page) => repository.listReservations({}, page))),
    stream: (name) => storage.transaction((tx) => tx.outbox.readStream(name)),
  };
}
