import type { JsonValue } from '@retailkit/core';
import type { OrderProcess } from '../process/order-process.js';
import type { OrderHistoryRecord, OrderRecord } from '../storage/order-records.js';
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
 * naming the events allowed now. Returns the order in its new state, with its declared effects run
 * and an `orders.<event>` event emitted; the history entry is written when the command stores the
 * order ({@link saveOrder}, {@link saveNewOrder}). Several events may be applied in one command (a
 * till sale places, captures and fulfils); the order's version goes up once per command.
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
  const details = input.details ?? {};
  const history = pendingHistory(ctx, changed);
  history.entries.push({
    storeId: changed.storeId,
    orderId: changed.id,
    sequence: history.last + history.entries.length + 1,
    event: input.event,
    from: result.from,
    to: result.to,
    actorId: ctx.actor.id,
    at: now,
    reason: input.reason ?? null,
    details,
  });
  ctx.emit({
    type: `orders.${input.event}`,
    stream: orderStream(next.id),
    storeId: next.storeId,
    payload: {
      ...orderFacts(next, ctx.now),
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

/** The history entries a command has applied but not yet written, and the sequence before them. */
interface PendingHistory {
  readonly last: number;
  readonly entries: OrderHistoryRecord[];
}

// Per command attempt (a retry gets a new context), per order: a command applying several events
// reads the history's length once and writes its entries in one statement when it saves.
const pendingByContext = new WeakMap<object, Map<string, PendingHistory>>();

function pendingHistory<R extends OrderStorageRepositories>(
  ctx: OrderCommandContext<R>,
  order: OrderRecord,
): PendingHistory {
  let byOrder = pendingByContext.get(ctx);
  if (!byOrder) {
    byOrder = new Map();
    pendingByContext.set(ctx, byOrder);
  }
  let pending = byOrder.get(order.id);
  if (!pending) {
    pending = { last: order.historyLength, entries: [] };
    byOrder.set(order.id, pending);
  }
  return pending;
}

/** The order with its history length counting the entries applied so far in this command. */
function withHistoryLength<R extends OrderStorageRepositories>(
  ctx: OrderCommandContext<R>,
  order: OrderRecord,
): OrderRecord {
  const pending = pendingHistory(ctx, order);
  return { ...order, historyLength: pending.last + pending.entries.length };
}

async function writeHistory<R extends OrderStorageRepositories>(
  ctx: OrderCommandContext<R>,
  orderId: string,
) {
  const pending = pendingByContext.get(ctx)?.get(orderId);
  if (!pending || pending.entries.length === 0) return;
  const entries = pending.entries.splice(0);
  await ctx.tx.orders.appendHistory(entries);
  pendingByContext.get(ctx)?.set(orderId, { last: pending.last + entries.length, entries: [] });
}

/**
 * Starts a new order inside a command: its `create` history entry and `orders.created` event.
 * Nothing is written until {@link saveNewOrder}, so a command that places or pays it at once
 * writes the row once.
 */
export async function startNewOrder<R extends OrderStorageRepositories>(
  ctx: OrderCommandContext<R>,
  order: OrderRecord,
): Promise<void> {
  const history = pendingHistory(ctx, order);
  history.entries.push({
    storeId: order.storeId,
    orderId: order.id,
    sequence: history.last + history.entries.length + 1,
    event: 'create',
    from: order.status,
    to: order.status,
    actorId: ctx.actor.id,
    at: order.createdAt,
    reason: null,
    details: { lines: order.lines.length, total: order.totals.total },
  });
  ctx.emit({
    type: 'orders.created',
    stream: orderStream(order.id),
    storeId: order.storeId,
    payload: orderFacts(order, ctx.now),
  });
}

/** Stores an order started by {@link startNewOrder} (version 1) with its history. */
export async function saveNewOrder<R extends OrderStorageRepositories>(
  ctx: OrderCommandContext<R>,
  order: OrderRecord,
): Promise<OrderRecord> {
  const saved: OrderRecord = {
    ...withHistoryLength(ctx, order),
    version: 1,
    updatedAt: ctx.now.toISOString(),
  };
  await ctx.tx.orders.insertOrder(saved);
  await writeHistory(ctx, order.id);
  return saved;
}

/** Stores an order changed by one command, one version more than the one read, with its new history. */
export async function saveOrder<R extends OrderStorageRepositories>(
  ctx: OrderCommandContext<R>,
  read: OrderRecord,
  next: OrderRecord,
): Promise<OrderRecord> {
  const saved: OrderRecord = {
    ...withHistoryLength(ctx, next),
    version: read.version + 1,
    updatedAt: ctx.now.toISOString(),
  };
  await ctx.tx.orders.updateOrder(saved, read.version);
  await writeHistory(ctx, read.id);
  return saved;
}
