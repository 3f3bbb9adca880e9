export { cancelOrderInput } from './commands/cancel-order.js';
export { createOrderInput } from './commands/create-order.js';
export type { OrderCommandsOptions } from './commands/order-commands-options.js';
export { placeOrderInput } from './commands/place-order.js';
export { sellInStoreInput, tenderInput } from './commands/sell-in-store.js';
export { BUILT_IN_ORDER_EVENTS, transitionOrderInput } from './commands/transition-order.js';
export { createOrders, type Orders, type OrdersOptions, orderCommands } from './create-orders.js';
export { fulfilOrderInput } from './fulfilment/fulfil-order.js';
export { completeOrderInput, confirmPickupInput } from './fulfilment/hand-over-commands.js';
export { shipOrderInput, trackShipmentInput } from './fulfilment/shipment-commands.js';
export type {
  OrderPricing,
  OrderStockHooks,
  PricedSku,
  PriceRequest,
  ReturnedSkuQuantity,
  SkuQuantity,
  StoreCalendar,
  StoreCalendarSource,
} from './hooks/order-hooks.js';
export { type PaymentAmounts, paymentAmounts } from './payments/payment-amounts.js';
export {
  capturePaymentInput,
  paymentInput,
  refundPaymentInput,
  voidPaymentInput,
} from './payments/payment-commands.js';
export * from './pricing/index.js';
export * from './process/index.js';
export {
  getOrderInput,
  listOrdersInput,
  type OrderQueryOptions,
  orderQueries,
} from './queries/order-queries.js';
export { type OrderView, toOrderView } from './queries/order-view.js';
export {
  type ExchangeOrderCommand,
  type ExchangeResult,
  exchangeOrderInput,
} from './returns/exchange-order.js';
export { returnLineInput, returnOrderInput } from './returns/return-order.js';
export type { OrderCommand } from './shared/define-order-command.js';
export { orderFacts, orderStream } from './shared/order-event-payload.js';
export type { OrderCommandContext, OrderStorageRepositories } from './shared/orders-context.js';
export type * from './storage/order-records.js';
export { ORDER_CHANNELS } from './storage/order-records.js';
export type * from './storage/orders-repository.js';
