import { cancelPurchaseOrder } from './cancel-purchase-order.js';
import { closePurchaseOrder } from './close-purchase-order.js';
import { createPurchaseOrder } from './create-purchase-order.js';
import { editPurchaseOrder } from './edit-purchase-order.js';
import { orderPurchaseOrder } from './order-purchase-order.js';
import { overReceivePurchaseOrder, receivePurchaseOrder } from './receive-purchase-order.js';

/** Every purchase order command, ready for `bindCommands`. */
export const purchaseOrderCommands = {
  createPurchaseOrder,
  editPurchaseOrder,
  orderPurchaseOrder,
  receivePurchaseOrder,
  overReceivePurchaseOrder,
  closePurchaseOrder,
  cancelPurchaseOrder,
} as const;
