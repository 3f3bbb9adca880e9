import { NotFoundError } from '@retailkit/core';
import type { OrderRecord } from '../storage/order-records.js';
import type { OrdersRepository } from '../storage/orders-repository.js';

/**
 * The order, locked for this transaction, when it belongs to `storeId`; NotFoundError otherwise
 * (an order of another store reads as missing, so store-limited actors learn nothing of it).
 */
export async function loadOrderForUpdate(
  repository: OrdersRepository,
  orderId: string,
  storeId: string,
): Promise<OrderRecord> {
  const order = await repository.getOrderForUpdate(orderId);
  if (!order || order.storeId !== storeId)
    throw new NotFoundError('order', orderId, { details: { storeId } });
  return order;
}
