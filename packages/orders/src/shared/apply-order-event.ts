import type { JsonValue } from '@retailkit/core';
import type { OrderProcess } from '../process/order-process.js';
import type { OrderRecord } from '../storage/order-records.js';
import { orderFacts, orderStream } from './order-event-payload.js';
import type { OrderCommandContext, OrderStorageRepositories } from './orders-context.js';

/** One event applied to an order: its name, why, and the facts of what changed. */
export interface OrderEventInput {
  /** The process event (`place`, `capture`, `fulfil`, …, or a custom one). */
  readonly event: string;
  /** Why, when the caller said. */
  readonly reason?: string | null | undefined;
  /** What the command did (amounts, quantities, ids), for the history and the outbox event. */
  readonly details?: { readonly [key: string]: JsonValue };
}

/**
 * Runs `event` through the order process against `changed` (the order after the command's change,
 * still in its old state): the process picks the target state or throws InvalidTransitionError
 * naming the events allowed now. Returns the order in its new state and version, its history entry
 * written, its declared effects run and an `orders.<event>` event emitted. Several events may be
 * applied in one command (a till sale places, captures and fulfils); each bumps the version.
 */
export async function applyOrderEvent<R extends OrderStorageRepositories>(
  ctx: OrderCommandContext<R>,
  process: OrderProcess,
  changed: OrderRecord,
  input: OrderEventInput,
): Promise<OrderRecord> {
  const result = process.transition(changed, input.event);
  const now = ctx.now.toISOString();
  const next: OrderRecord = { ...changed, status: result.to, updatedAt: now };
  const history = await ctx.tx.orders.listHistory(changed.id);
  const details = input.details ?? {};
  await ctx.tx.orders.appendHistory([
    {
      orderId: changed.id,
      sequence: history.length + 1,
      event: input.event,
      from: result.from,
      to: result.to,
      actorId: ctx.actor.id,
      at: now,
      reason: input.reason ?? null,
      details,
    },
  ]);
  ctx.emit({
    type: `orders.${input.event}`,
    stream: orderStream(next.id),
    storeId: next.storeId,
    payload: {
      ...orderFacts(next),
      event: input.event,
      from: result.from,
      to: result.to,
      reason: input.reason ?? null,
      details,
    },
  });
  for (const name of result.effects) {
    const effect = process.effects[name];
    await effect?.({
      order: next,
      from: result.from,
      to: result.to,
      event: input.event,
      emit: (type, payload) => {
        ctx.emit({ type, stream: orderStream(next.id), storeId: next.storeId, payload });
      },
    });
  }
  return next;
}

/** Stores an order changed by one command: one version more than the one read. */
export async function saveOrder<R extends OrderStorageRepositories>(
  ctx: OrderCommandContext<R>,
  read: OrderRecord,
  next: OrderRecord,
): Promise<OrderRecord> {
  const saved: OrderRecord = { ...next, version: read.version + 1, updatedAt: ctx.now.toISOString() };
  await ctx.tx.orders.updateOrder(saved, read.version);
  return saved;
}
