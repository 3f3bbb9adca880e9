import { type Catalog, type CatalogRepositories, createCatalog } from '@retailkit/catalog';
import {
  type Clock,
  type CommandRunner,
  createCommandRunner,
  type FieldCipher,
  type IdGenerator,
  type Policy,
  type RetryOptions,
  type StorageAdapter,
} from '@retailkit/core';
import {
  type AllocationStrategy,
  createInventory,
  createReserveCommand,
  type Inventory,
} from '@retailkit/inventory';
import {
  createOrders,
  type OrderProcess,
  type Orders,
  type TaxMode,
  type TaxRounding,
} from '@retailkit/orders';
import { catalogPricing } from './catalog-pricing.js';
import { inventoryStockHooks, type KitRepositories } from './inventory-stock-hooks.js';

/** The repositories a storage adapter must provide for the whole kit. */
export type RetailKitRepositories = KitRepositories & CatalogRepositories;

/** Options of {@link createRetailKit}. */
export interface RetailKitOptions<R extends RetailKitRepositories = RetailKitRepositories> {
  /** The storage adapter: `createMemoryStorage()`, `createPGliteStorage()`, `createSqlStorage(...)`, or your own. */
  readonly storage: StorageAdapter<R>;
  /** Source of "now"; the system clock by default (tests pass a FakeClock). */
  readonly clock?: Clock;
  /** Decides every command and query; the default RBAC roles by default. */
  readonly policy?: Policy;
  /** Source of ids; UUIDv7 by default. */
  readonly ids?: IdGenerator;
  /** Conflict retries; 6 attempts with jittered backoff by default. */
  readonly retry?: RetryOptions;
  /** The field cipher for personal data; kept on the kit for your own fields and the customer module. */
  readonly cipher?: FieldCipher;
  /**
   * How `inventory.reserveStock` places demand across its `preference` locations (the order's
   * store by default). Orders reserve at their own `locationId`: choose it when creating the order.
   */
  readonly allocation?: AllocationStrategy;
  /** Order settings: your process (see `extendOrderProcess`), and how stores charge tax. */
  readonly orders?: {
    /** The order process; the default one when omitted. */
    readonly process?: OrderProcess;
    /** Whether a store's prices include tax; `exclusive` by default. */
    readonly taxMode?: TaxMode | ((storeId: string) => TaxMode);
    /** Where tax is rounded; `per-line` by default. */
    readonly taxRounding?: TaxRounding | ((storeId: string) => TaxRounding);
  };
}

/** The kit: every module on one runner, the cross-module rules wired in. */
export interface RetailKit<R extends RetailKitRepositories = RetailKitRepositories> {
  /** The command runner every module uses (for your own commands). */
  readonly runner: CommandRunner<R>;
  /** Products, SKUs, prices and tax classes. */
  readonly catalog: Catalog;
  /** Stock, reservations, transfers, counts and replenishment. */
  readonly inventory: Inventory;
  /** Orders: placing reserves stock, fulfilment sells it, cancellation releases it, a return restocks it. */
  readonly orders: Orders<R>;
  /** The field cipher given, if any. */
  readonly cipher: FieldCipher | undefined;
  /** Closes the storage. */
  close(): Promise<void>;
}

/**
 * Creates the kit over one storage adapter. Modules never import each other; here they meet:
 * order lines are priced from the catalog, and order commands reserve, commit, release and restock
 * inventory in their own transaction, so an order and its stock never disagree.
 *
 * @example
 * ```ts
 * const kit = createRetailKit({ storage: createMemoryStorage() });
 * const order = await kit.orders.createOrder(
 *   { storeId: 'berlin', channel: 'pickup', lines: [{ sku: 'TEA-250', quantity: 2 }], place: true },
 *   { actor },
 * );
 * ```
 */
export function createRetailKit<R extends RetailKitRepositories>(options: RetailKitOptions<R>): RetailKit<R> {
  const runner = createCommandRunner<R>({
    storage: options.storage,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.ids ? { ids: options.ids } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  // Orders name their location, and the strategy is handed no other: each order's stock is held there.
  const reserve = createReserveCommand(options.allocation ? { allocate: options.allocation } : {});
  const orderSettings = options.orders ?? {};
  return Object.freeze({
    runner,
    catalog: createCatalog({ runner }),
    inventory: createInventory(options.allocation ? { runner, allocation: options.allocation } : { runner }),
    orders: createOrders<R>({
      runner,
      pricing: catalogPricing<R>(),
      stock: inventoryStockHooks<R>(reserve),
      // The store is an inventory location: its time zone and day start date the order's events.
      storeCalendar: async (ctx, storeId) => (await ctx.tx.inventory.getLocation(storeId)) ?? undefined,
      ...(orderSettings.process ? { process: orderSettings.process } : {}),
      ...(orderSettings.taxMode ? { taxMode: orderSettings.taxMode } : {}),
      ...(orderSettings.taxRounding ? { taxRounding: orderSettings.taxRounding } : {}),
    }),
    cipher: options.cipher,
    close: () => runner.storage.close(),
  });
}
