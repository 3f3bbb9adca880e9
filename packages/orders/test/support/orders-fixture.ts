import {
  type Actor,
  createCommandRunner,
  type DomainEvent,
  FakeClock,
  Money,
  sequentialIds,
} from '@retailkit/core';
import { createMemoryStorage, type MemoryRepositories, type MemoryStorage } from '@retailkit/storage-memory';
import { createOrders, type Orders } from '../../src/create-orders.js';
import type { OrderPricing, PricedSku } from '../../src/hooks/order-hooks.js';
import type { TaxMode, TaxRounding } from '../../src/storage/order-records.js';

/** A manager of every store. */
export const manager: Actor = { id: 'mia', roles: ['manager'] };
/** A cashier of Berlin. */
export const cashier: Actor = { id: 'cara', roles: ['cashier'], storeIds: ['berlin'] };

/** A SKU's price, tax rate and category, as the in-test price list holds it. */
export interface ListedSku {
  /** The price in EUR (tax excluded or included, as the orders module is told). */
  readonly price: string;
  /** The tax rate in percent. */
  readonly rate: string;
  /** The category. */
  readonly categoryId: string;
}

/** Tea at 4.99 (7 %), mugs at 12.00 (19 %), a 0.10 sample at 7 % and a 11.90 teapot at 19 %. */
export const PRICE_LIST: ReadonlyMap<string, ListedSku> = new Map([
  ['TEA', { price: '4.99', rate: '7', categoryId: 'tea' }],
  ['MUG', { price: '12.00', rate: '19', categoryId: 'ware' }],
  ['SAMPLE', { price: '0.10', rate: '7', categoryId: 'tea' }],
  ['POT', { price: '11.90', rate: '19', categoryId: 'ware' }],
]);

/** Pricing over a map, the same in every store; unknown SKUs are left out so the command names their line. */
export function mapPricing(
  list: ReadonlyMap<string, ListedSku> = PRICE_LIST,
): OrderPricing<MemoryRepositories> {
  return {
    async price(_ctx, request) {
      const priced = new Map<string, PricedSku>();
      for (const sku of request.skus) {
        const listed = list.get(sku);
        if (!listed) continue;
        priced.set(sku, {
          sku,
          name: sku.toLowerCase(),
          categoryId: listed.categoryId,
          unitPrice: Money.of(listed.price, 'EUR'),
          taxClassId: `rate-${listed.rate}`,
          taxRate: listed.rate,
        });
      }
      return priced;
    },
  };
}

/** The orders module alone (no stock hooks) over a fresh memory adapter, with a fake clock and sequential ids. */
export function ordersFixture(
  settings: { readonly taxMode?: TaxMode; readonly taxRounding?: TaxRounding } = {},
): {
  orders: Orders<MemoryRepositories>;
  storage: MemoryStorage;
  clock: FakeClock;
  events: () => Promise<DomainEvent[]>;
} {
  const storage = createMemoryStorage();
  const clock = new FakeClock('2026-03-02T10:00:00Z');
  const runner = createCommandRunner({ storage, clock, ids: sequentialIds('id') });
  const orders = createOrders({ runner, pricing: mapPricing(), ...settings });
  let reads = 0;
  // Claiming with a new consumer each time reads every stream at once, in append order.
  const events = () =>
    storage.transaction((tx) =>
      tx.outbox.claim({
        consumer: `test-reader-${++reads}`,
        limit: 10_000,
        now: clock.now(),
        leaseUntil: new Date(clock.now().getTime() + 60_000),
      }),
    );
  return { orders, storage, clock, events };
}
