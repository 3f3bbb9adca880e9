import type { CatalogRepositories } from '@retailkit/catalog';
import type { CoreRepositories, IdempotencyRecord, StorageAdapter } from '@retailkit/core';
import type { InventoryRepositories } from '@retailkit/inventory';
import type { OrderRepositories } from '@retailkit/orders';
import { memoryCatalogRepository } from './catalog/memory-catalog-repository.js';
import { MemoryCatalogTables } from './catalog/memory-catalog-tables.js';
import { memoryIdempotencyRepository } from './idempotency/memory-idempotency-repository.js';
import { memoryInventoryRepository } from './inventory/memory-inventory-repository.js';
import { createMemoryInventoryTables } from './inventory/memory-inventory-tables.js';
import { memoryOrdersRepository } from './orders/memory-orders-repository.js';
import { createMemoryOrdersTables } from './orders/memory-orders-tables.js';
import { MemoryOutboxLog } from './outbox/memory-outbox-log.js';
import { memoryOutboxRepository } from './outbox/memory-outbox-repository.js';
import { AsyncMutex } from './transaction/async-mutex.js';
import { MemoryTable } from './transaction/memory-table.js';
import { MemoryTransaction } from './transaction/memory-transaction.js';

/** The repositories the in-memory adapter provides. */
export type MemoryRepositories = CoreRepositories &
  CatalogRepositories &
  InventoryRepositories &
  OrderRepositories;

/** The in-memory storage adapter. */
export interface MemoryStorage extends StorageAdapter<MemoryRepositories> {
  /** Always `memory`. */
  readonly name: 'memory';
}

/**
 * Creates an in-memory storage adapter. Transactions run one at a time (so none loses an update)
 * and a throw anywhere inside one reverts all of its writes. Data lives as long as the object.
 * A transaction must not start another transaction on the same storage: it would wait forever.
 *
 * @example
 * ```ts
 * const storage = createMemoryStorage();
 * const runner = createCommandRunner({ storage });
 * ```
 */
export function createMemoryStorage(): MemoryStorage {
  const mutex = new AsyncMutex();
  const idempotency = new MemoryTable<string, IdempotencyRecord>();
  const outbox = new MemoryOutboxLog();
  const catalog = new MemoryCatalogTables();
  const inventory = createMemoryInventoryTables();
  const orders = createMemoryOrdersTables();

  return {
    name: 'memory',
    transaction<T>(fn: (tx: MemoryRepositories) => Promise<T>): Promise<T> {
      return mutex.runExclusive(async () => {
        const tx = new MemoryTransaction();
        // Plain properties, built up front: an object literal with getters is created in V8's
        // dictionary mode, which cost more per command than building every repository.
        const repositories: MemoryRepositories = {
          idempotency: memoryIdempotencyRepository(idempotency, tx),
          outbox: memoryOutboxRepository(outbox, tx),
          catalog: memoryCatalogRepository(catalog, tx),
          inventory: memoryInventoryRepository(inventory, tx),
          orders: memoryOrdersRepository(orders, tx),
        };
        try {
          const result = await fn(repositories);
          tx.commit();
          return result;
        } catch (error) {
          tx.rollback();
          throw error;
        }
      });
    },
    async close() {},
  };
}
