import {
  type BoundCommands,
  type BoundQueries,
  bindCommands,
  bindQueries,
  type CommandRunner,
} from '@retailkit/core';
import { cancelOrderCommand } from './commands/cancel-order.js';
import { createOrderCommand } from './commands/create-order.js';
import type {
  OrderCommandsOptions,
  ResolvedOrderCommandsOptions,
} from './commands/order-commands-options.js';
import { placeOrderCommand } from './commands/place-order.js';
import { sellInStoreCommand } from './commands/sell-in-store.js';
import { transitionOrderCommand } from './commands/transition-order.js';
import { fulfilOrderCommand } from './fulfilment/fulfil-order.js';
import { completeOrderCommand, confirmPickupCommand } from './fulfilment/hand-over-commands.js';
import { shipOrderCommand, trackShipmentCommand } from './fulfilment/shipment-commands.js';
import {
  authorizePaymentCommand,
  capturePaymentCommand,
  recordPaymentCommand,
  refundPaymentCommand,
  voidPaymentCommand,
} from './payments/payment-commands.js';
import { defaultOrderProcess } from './process/default-order-process.js';
import type { OrderProcess } from './process/order-process.js';
import { orderQueries } from './queries/order-queries.js';
import { exchangeOrderCommand } from './returns/exchange-order.js';
import { returnOrderCommand } from './returns/return-order.js';
import type { OrderStorageRepositories } from './shared/orders-context.js';

/** Fills in the defaults of {@link OrderCommandsOptions}. */
export function resolveOrderOptions<R extends OrderStorageRepositories>(
  options: OrderCommandsOptions<R>,
): ResolvedOrderCommandsOptions<R> {
  const { taxMode = 'exclusive', taxRounding = 'per-line' } = options;
  return {
    process: options.process ?? (defaultOrderProcess as unknown as OrderProcess),
    pricing: options.pricing,
    stock: options.stock,
    storeCalendar: options.storeCalendar,
    policy: options.policy,
    taxMode: typeof taxMode === 'function' ? taxMode : () => taxMode,
    taxRounding: typeof taxRounding === 'function' ? taxRounding : () => taxRounding,
  };
}

/**
 * Every order command, built for one process, pricing and stock wiring. Run them with your own
 * runner, or use {@link createOrders}.
 */
export function orderCommands<R extends OrderStorageRepositories>(options: OrderCommandsOptions<R>) {
  const resolved = resolveOrderOptions(options);
  return {
    createOrder: createOrderCommand(resolved),
    sellInStore: sellInStoreCommand(resolved),
    placeOrder: placeOrderCommand(resolved),
    authorizePayment: authorizePaymentCommand(resolved),
    capturePayment: capturePaymentCommand(resolved),
    recordPayment: recordPaymentCommand(resolved),
    voidPayment: voidPaymentCommand(resolved),
    refundPayment: refundPaymentCommand(resolved),
    fulfilOrder: fulfilOrderCommand(resolved),
    shipOrder: shipOrderCommand(resolved),
    trackShipment: trackShipmentCommand(resolved),
    confirmPickup: confirmPickupCommand(resolved),
    completeOrder: completeOrderCommand(resolved),
    cancelOrder: cancelOrderCommand(resolved),
    returnOrder: returnOrderCommand(resolved),
    exchangeOrder: exchangeOrderCommand(resolved),
    transitionOrder: transitionOrderCommand(resolved),
  } as const;
}

/** Options of {@link createOrders}: the runner, and the command options without the policy (the runner's is used). */
export interface OrdersOptions<R extends OrderStorageRepositories>
  extends Omit<OrderCommandsOptions<R>, 'policy'> {
  /** The command runner (storage, policy, clock, ids). */
  readonly runner: CommandRunner<R>;
}

/** The orders module: one method per command (`(input, { actor, idempotencyKey? })`) and per query (`(input, { actor })`). */
export type Orders<R extends OrderStorageRepositories = OrderStorageRepositories> = BoundCommands<
  ReturnType<typeof orderCommands<R>>
> &
  BoundQueries<ReturnType<typeof orderQueries>>;

/**
 * Creates the orders module over a command runner: orders priced exactly, moved through a typed
 * process with a full history, paid in several tenders, fulfilled, shipped, picked up, cancelled
 * and returned. Alone it moves no stock; the `retailkit` facade wires it to inventory and catalog.
 *
 * @example
 * ```ts
 * const orders = createOrders({ runner, pricing: myPricing });
 * const order = await orders.createOrder(
 *   { storeId: 'berlin', channel: 'in-store', lines: [{ sku: 'tea', quantity: 2 }], place: true },
 *   { actor },
 * );
 * ```
 */
export function createOrders<R extends OrderStorageRepositories>(options: OrdersOptions<R>): Orders<R> {
  const { runner, ...rest } = options;
  const commands = orderCommands<R>({ ...rest, policy: runner.policy });
  const queries = orderQueries(resolveOrderOptions({ ...rest, policy: runner.policy }).process);
  return Object.freeze({
    ...bindCommands(runner, commands),
    ...bindQueries(runner as unknown as CommandRunner<OrderStorageRepositories>, queries),
  }) as Orders<R>;
}
