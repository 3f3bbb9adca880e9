export {
  type DefaultOrderEvent,
  type DefaultOrderState,
  defaultOrderProcess,
  ORDER_EVENTS,
} from './default-order-process.js';
export {
  type FulfilmentStatus,
  fulfilmentStatus,
  type PaymentStatus,
  paymentStatus,
} from './derived-status.js';
export { extendOrderProcess, type OrderProcessExtension } from './extend-order-process.js';
export {
  allDelivered,
  allShipped,
  type DefaultOrderGuard,
  fullyFulfilled,
  fullyPaid,
  isDelivery,
  isInStore,
  isPickup,
  nothingFulfilled,
  orderGuards,
} from './order-guards.js';
export type {
  EventOf,
  OrderEffect,
  OrderEffectArgs,
  OrderGuard,
  OrderProcess,
  OrderProcessConfig,
  OrderProcessSetup,
  StateConfig,
  StateOf,
  TransitionConfig,
  TransitionResult,
  TransitionSpec,
} from './order-process.js';
export { setupOrderProcess } from './order-process.js';
