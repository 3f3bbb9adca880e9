export { cancelPurchaseOrder, cancelPurchaseOrderInput } from './cancel-purchase-order.js';
export { closePurchaseOrder, closePurchaseOrderInput } from './close-purchase-order.js';
export { createPurchaseOrder, createPurchaseOrderInput } from './create-purchase-order.js';
export { editPurchaseOrder, editPurchaseOrderInput } from './edit-purchase-order.js';
export { getPurchaseOrder, getPurchaseOrderInput } from './get-purchase-order.js';
export {
  listPurchaseOrders,
  listPurchaseOrdersInput,
  purchaseOrderStatusSchema,
} from './list-purchase-orders.js';
export { orderPurchaseOrder, orderPurchaseOrderInput } from './order-purchase-order.js';
export { purchaseOrderCommands } from './purchase-order-commands.js';
export { purchaseOrderLineInput, purchaseOrderLinesInput } from './purchase-order-line-input.js';
export { poOutstanding } from './purchase-order-outstanding.js';
export {
  type PurchaseOrderEventLine,
  type PurchaseOrderEventPayload,
  purchaseOrderStream,
} from './purchase-order-payload.js';
export { purchaseOrderRefInput } from './purchase-order-ref-input.js';
export {
  canPurchaseOrder,
  PURCHASE_ORDER_EVENTS,
  type PurchaseOrderEvent,
} from './purchase-order-transitions.js';
export {
  overReceivePurchaseOrder,
  type PurchaseOrderReceipt,
  type PurchaseOrderReceivedLine,
  receivePurchaseOrder,
  receivePurchaseOrderInput,
} from './receive-purchase-order.js';
export type { ReleasedIncoming } from './release-outstanding-incoming.js';
