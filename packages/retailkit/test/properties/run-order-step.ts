import { type FakeClock, isRetailKitError } from '@retailkit/core';
import type { OrderView } from '@retailkit/orders';
import { expect } from 'vitest';
import type { RetailKit } from '../../src/index.js';
import { manager } from '../support/kit-fixture.js';
import { MODEL_LOCATIONS, MODEL_SKUS, type ModelOrder, type OrderKitModel } from './order-model.js';
import { planStep } from './order-step-plan.js';
import type { Step } from './order-steps.js';

const as = { actor: manager };

/** What a refused command must leave untouched: its order and history, the order count and the stock. */
async function snapshot(kit: RetailKit, order: ModelOrder | null): Promise<unknown> {
  const ref = order ? { storeId: 'berlin', orderId: order.id } : undefined;
  return {
    order: ref ? await kit.orders.getOrder(ref, as) : null,
    history: ref ? await kit.orders.getOrderHistory(ref, as) : null,
    orders: (await kit.orders.listOrders({ storeId: 'berlin', limit: 100 }, as)).items.length,
    stock: await Promise.all(
      MODEL_LOCATIONS.map(
        async (locationId) =>
          (await kit.inventory.getStockLevels({ locationId, skus: [...MODEL_SKUS] }, as)).items,
      ),
    ),
  };
}

/**
 * Runs one step a minute after the last: a command the model calls legal must succeed and leave
 * the order in the model's status; one it calls illegal must fail with a RetailKitError (with the
 * model's code when it names one) and change nothing the kit can show.
 */
export async function runOrderStep(
  kit: RetailKit,
  clock: FakeClock,
  model: OrderKitModel,
  step: Step,
): Promise<void> {
  clock.advance({ minutes: 1 });
  const plan = planStep(kit, model, step);
  if (plan === null) return;
  const before = plan.legal ? undefined : await snapshot(kit, plan.order);
  let view: OrderView | undefined;
  let failure: unknown;
  try {
    view = await plan.run();
  } catch (error) {
    failure = error;
  }
  if (plan.legal) {
    if (view === undefined) {
      throw new Error(`refused although legal: ${plan.label}: ${String(failure)}`, { cause: failure });
    }
    const order = plan.apply(view);
    const at = clock.now().toISOString();
    for (const event of plan.events) order.history.push({ event, actorId: plan.actor.id, at });
    expect(view.status, `status after ${plan.label}`).toBe(order.status);
    return;
  }
  if (view !== undefined) throw new Error(`accepted although illegal: ${plan.label} → ${view.status}`);
  if (!isRetailKitError(failure)) throw failure;
  const { code, message } = failure;
  if (plan.refusal !== undefined && code !== plan.refusal) {
    throw new Error(`${plan.label} failed with ${code}, not ${plan.refusal}: ${message}`);
  }
  expect(await snapshot(kit, plan.order), `a refused ${plan.label} changed something`).toEqual(before);
}
