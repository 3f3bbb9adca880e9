import {
  type CommandRunner,
  createCommandRunner,
  type FakeClock,
  type StorageAdapter,
  sequentialIds,
} from '@retailkit/core';
import type { MemoryRepositories, MemoryStorage } from '@retailkit/storage-memory';
import type { InventoryStorageRepositories } from '../../src/shared/inventory-context.js';
import type { InventoryRepository } from '../../src/storage/inventory-repository.js';

/** A method of the inventory port. */
export type InventoryMethod = keyof InventoryRepository;

/**
 * Sees every call of the inventory port: `proceed` runs the real call; `repository` is the real one
 * (to read or write beside the call, as another transaction that committed meanwhile would have).
 */
export type InventoryInterceptor = (
  method: InventoryMethod,
  args: readonly unknown[],
  proceed: () => Promise<unknown>,
  repository: InventoryRepository,
) => Promise<unknown>;

/**
 * The memory storage with every inventory repository call passed through `interceptor`. Used to
 * check what the SQL adapter relies on (which rows a command locks, in which order, before it
 * reads what depends on them) and to replay the interleavings READ COMMITTED allows.
 */
export function interceptInventory(
  storage: MemoryStorage,
  interceptor: InventoryInterceptor,
): StorageAdapter<MemoryRepositories> {
  const wrap = (repository: InventoryRepository): InventoryRepository =>
    new Proxy(repository, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) =>
          interceptor(
            property as InventoryMethod,
            args,
            () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args),
            target,
          );
      },
    });
  return {
    name: storage.name,
    transaction: (fn, options) =>
      storage.transaction((tx) => fn({ ...tx, inventory: wrap(tx.inventory) }), options),
    close: () => storage.close(),
  };
}

/** One recorded call: the method and the stock key or id it named, e.g. `updateLevelSettings berlin/tea-each`. */
export function describeCall(method: InventoryMethod, args: readonly unknown[]): string {
  const first = args[0] as { locationId?: unknown; sku?: unknown; id?: unknown } | string | undefined;
  if (typeof first === 'string') return `${method} ${first}`;
  if (first && typeof first.locationId === 'string' && typeof first.sku === 'string') {
    return `${method} ${first.locationId}/${first.sku}`;
  }
  if (first && typeof first.id === 'string') return `${method} ${first.id}`;
  return method;
}

/** A runner over `storage` whose inventory calls go through `interceptor` first (retries without delay). */
export function interceptingRunner(
  storage: MemoryStorage,
  clock: FakeClock,
  interceptor: InventoryInterceptor,
): CommandRunner<InventoryStorageRepositories> {
  return createCommandRunner<InventoryStorageRepositories>({
    storage: interceptInventory(storage, interceptor),
    clock,
    ids: sequentialIds('r'),
    retry: { baseDelayMs: 0, maxDelayMs: 0 },
  });
}

/** A runner over `storage` whose inventory calls are recorded (as {@link describeCall} names them) into `calls`. */
export function recordingRunner(
  storage: MemoryStorage,
  clock: FakeClock,
  calls: string[],
): CommandRunner<InventoryStorageRepositories> {
  return interceptingRunner(storage, clock, (method, args, proceed) => {
    calls.push(describeCall(method, args));
    return proceed();
  });
}

/**
 * What a till sale of `quantity` committed by another transaction writes straight to the
 * repository: the on-hand delta and its `sale` movement (booked on 2025-03-03).
 */
export async function writeTillSale(
  repository: InventoryRepository,
  key: { readonly locationId: string; readonly sku: string },
  quantity: string,
  now: string,
): Promise<void> {
  await repository.applyStockDelta(key, { onHand: `-${quantity}` }, { availableFloor: null, now });
  await repository.appendMovements([
    {
      ...key,
      id: 'concurrent-sale',
      reason: 'sale',
      subReason: null,
      quantity: `-${quantity}`,
      unitCost: null,
      referenceType: null,
      referenceId: null,
      actorId: 'till',
      occurredAt: now,
      businessDate: '2025-03-03',
      note: null,
    },
  ]);
}

/** The methods that lock a stock level's row (SQL) until the transaction ends. */
const LEVEL_LOCKS: ReadonlySet<InventoryMethod> = new Set([
  'applyStockDelta',
  'updateLevelSettings',
  'putLevel',
]);

/**
 * An interceptor that lets `concurrent` (what another transaction commits, e.g. a sale) happen once,
 * right before the first call of `before` in a command, unless the command already holds the row
 * lock of `key` by then: the interleavings row locks allow on SQL, replayed on memory.
 */
export function commitsMeanwhile(
  key: { readonly locationId: string; readonly sku: string },
  before: InventoryMethod,
  concurrent: (repository: InventoryRepository) => Promise<void>,
): InventoryInterceptor & { readonly happened: () => boolean } {
  let locked = false;
  let happened = false;
  const interceptor: InventoryInterceptor = async (method, args, proceed, repository) => {
    const target = args[0] as { locationId?: unknown; sku?: unknown } | undefined;
    if (LEVEL_LOCKS.has(method) && target?.locationId === key.locationId && target.sku === key.sku) {
      locked = true;
    }
    if (method === before && !locked && !happened) {
      happened = true;
      await concurrent(repository);
    }
    return proceed();
  };
  return Object.assign(interceptor, { happened: () => happened });
}
