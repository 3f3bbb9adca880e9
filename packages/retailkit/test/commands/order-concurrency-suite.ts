import { randomUUID } from 'node:crypto';
import { isRetailKitError, Money, type StorageAdapter } from '@retailkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { RetailKitRepositories } from '../../src/index.js';
import { cashier, clerk, kitFixture, manager, seedKit, stockOf } from '../support/kit-fixture.js';

/** A storage adapter the kit runs on. */
export type KitStorage = StorageAdapter<RetailKitRepositories>;

/** A storage to run the suite on: a fresh, empty adapter per test, and why it cannot run here. */
export interface ConcurrencyTarget {
  /** Shown in the suite title. */
  readonly name: string;
  /** Why it cannot run here; undefined when it can. */
  readonly unavailable?: string;
  /** A fresh adapter over empty tables, and how to drop it. */
  create(): Promise<{ storage: KitStorage; teardown: () => Promise<void> }>;
}

/** A schema name of its own for one test. */
export const schemaName = (): string => `t_${randomUUID().replaceAll('-', '').slice(0, 12)}`;

/**
 * Registers the concurrent order command tests for each target that can run. A target without its
 * database is skipped visibly, and fails under CI=true so a missing server never passes silently.
 */
export function orderConcurrencySuite(targets: readonly ConcurrencyTarget[]): void {
  const teardowns: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(teardowns.splice(0).map((teardown) => teardown()));
  });
  for (const target of targets) {
    if (target.unavailable !== undefined) {
      if (process.env.CI === 'true') {
        it(`${target.name} is available (required under CI=true)`, () => {
          throw new Error(`${target.name} cannot run: ${target.unavailable}`);
        });
      } else {
        describe.skip(`concurrent order commands on ${target.name}: ${target.unavailable}`, () => {
          it('needs its database', () => {});
        });
      }
      continue;
    }
    // Generous timeouts: the first test on an embedded database pays for starting it.
    describe(`concurrent order commands on ${target.name}`, { timeout: 60_000 }, () => {
      async function seededKit() {
        const { storage, teardown } = await target.create();
        teardowns.push(teardown);
        const { kit } = kitFixture(storage);
        await seedKit(kit);
        return kit;
      }

      it('takes ten payments at once without losing one', async () => {
        const kit = await seededKit();
        const order = await kit.orders.createOrder(
          { storeId: 'berlin', channel: 'pickup', lines: [{ sku: 'MUG', quantity: 5 }], place: true },
          { actor: cashier },
        );
        expect(order.totals.total).toBe('71.40');
        const ref = { storeId: 'berlin', orderId: order.id };
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) =>
            kit.orders.recordPayment(
              { ...ref, key: `card-${i}`, tender: 'card', amount: '7.14' },
              { actor: cashier },
            ),
          ),
        );
        expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
        const paid = await kit.orders.getOrder(ref, { actor: cashier });
        expect(paid.status).toBe('paid');
        expect(paid.payments).toHaveLength(10);
        expect(new Set(paid.payments.map((p) => p.key)).size).toBe(10);
        expect(
          Money.sum(
            paid.payments.map((p) => Money.of(p.captured, 'EUR')),
            'EUR',
          ).amount,
        ).toBe('71.40');
        expect(paid.balanceDue).toBe('0.00');
        // One version per payment on top of the placed order's.
        expect(paid.version).toBe(order.version + 10);
        const history = await kit.orders.getOrderHistory(ref, { actor: cashier });
        expect(history.map((entry) => entry.sequence)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
        expect(history.filter((entry) => entry.event === 'capture')).toHaveLength(10);
      });

      it('fulfils an order once when five clerks try at the same time', async () => {
        const kit = await seededKit();
        const order = await kit.orders.createOrder(
          { storeId: 'berlin', channel: 'pickup', lines: [{ sku: 'TEA', quantity: 2 }], place: true },
          { actor: cashier },
        );
        const ref = { storeId: 'berlin', orderId: order.id };
        await kit.orders.recordPayment(
          { ...ref, key: 'cash', tender: 'cash', amount: order.totals.total },
          { actor: cashier },
        );
        const results = await Promise.allSettled(
          Array.from({ length: 5 }, () => kit.orders.fulfilOrder(ref, { actor: clerk })),
        );
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
        for (const result of results) {
          if (result.status === 'rejected') {
            const { reason } = result;
            expect(
              isRetailKitError(reason, 'VALIDATION_FAILED') || isRetailKitError(reason, 'INVALID_TRANSITION'),
            ).toBe(true);
          }
        }
        const after = await kit.orders.getOrder(ref, { actor: cashier });
        expect(after.fulfilments).toHaveLength(1);
        expect(after.lines[0]?.fulfilled).toBe('2');
        expect(await stockOf(kit, 'berlin', 'TEA')).toEqual({ onHand: '8', reserved: '0' });
        const sales = await kit.inventory.listStockMovements(
          { locationId: 'berlin', sku: 'TEA', reasons: ['sale'] },
          { actor: manager },
        );
        expect(sales.items).toHaveLength(1);
      });

      it('never oversells the last units to orders placed at the same time', async () => {
        const kit = await seededKit();
        const results = await Promise.allSettled(
          Array.from({ length: 7 }, () =>
            kit.orders.createOrder(
              { storeId: 'berlin', channel: 'pickup', lines: [{ sku: 'MUG', quantity: 1 }], place: true },
              { actor: cashier },
            ),
          ),
        );
        const placed = results.filter((result) => result.status === 'fulfilled');
        const refused = results.filter((result) => result.status === 'rejected');
        expect(placed).toHaveLength(5);
        expect(refused.every((result) => isRetailKitError(result.reason, 'INSUFFICIENT_STOCK'))).toBe(true);
        expect(await stockOf(kit, 'berlin', 'MUG')).toEqual({ onHand: '5', reserved: '5' });
        const listed = await kit.orders.listOrders({ storeId: 'berlin' }, { actor: cashier });
        expect(listed.items.map((order) => order.status)).toEqual(Array(5).fill('placed'));
      });

      it('never refunds more than was captured, nor takes back more than was handed over', async () => {
        const kit = await seededKit();
        const order = await kit.orders.createOrder(
          { storeId: 'berlin', channel: 'in-store', lines: [{ sku: 'MUG', quantity: 2 }], place: true },
          { actor: cashier },
        );
        const ref = { storeId: 'berlin', orderId: order.id };
        await kit.orders.recordPayment(
          { ...ref, key: 'card', tender: 'card', amount: order.totals.total },
          { actor: cashier },
        );
        await kit.orders.fulfilOrder(ref, { actor: clerk });
        const returns = await Promise.allSettled(
          Array.from({ length: 3 }, () =>
            kit.orders.returnOrder(
              { ...ref, lines: [{ lineId: '1', quantity: 1, condition: 'sellable' }] },
              { actor: manager },
            ),
          ),
        );
        expect(returns.filter((result) => result.status === 'fulfilled')).toHaveLength(2);
        const refunds = await Promise.allSettled(
          Array.from({ length: 3 }, (_, i) =>
            kit.orders.refundPayment({ ...ref, key: `refund-${i}`, amount: '10.00' }, { actor: manager }),
          ),
        );
        expect(refunds.filter((result) => result.status === 'fulfilled')).toHaveLength(2);
        const after = await kit.orders.getOrder(ref, { actor: manager });
        expect(after.lines[0]?.returned).toBe('2');
        expect(after.returns).toHaveLength(2);
        expect(after.payments[0]?.refunded).toBe('20.00');
        expect(after.refundable).toBe('8.56');
        expect(await stockOf(kit, 'berlin', 'MUG')).toEqual({ onHand: '5', reserved: '0' });
      });
    });
  }
}
