import type { OrderHistoryRecord, OrderRecord } from '@retailkit/orders';
import { MemoryTable } from '../transaction/memory-table.js';

/** The in-memory tables of the orders module; they outlive transactions, which write through them. */
export interface MemoryOrdersTables {
  /** Orders by id. */
  readonly orders: MemoryTable<string, OrderRecord>;
  /** Each order's history by order id, in sequence order. */
  readonly history: MemoryTable<string, readonly OrderHistoryRecord[]>;
}

/** Creates empty orders tables. */
export function createMemoryOrdersTables(): MemoryOrdersTables {
  return { orders: new MemoryTable(), history: new MemoryTable() };
}
