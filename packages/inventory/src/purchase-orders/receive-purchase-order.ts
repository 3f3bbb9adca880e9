import { defineCommand } from '@retailkit/core';
import { z } from 'zod';
import { InputIssues } from '../shared/input-issues.js';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { quantityValueSchema, skuSchema } from '../shared/inventory-schemas.js';
import { itemOf, loadItems } from '../shared/load-items.js';
import { refuseDuplicateSkus } from '../shared/refuse-duplicate-skus.js';
import { requireLocation, resolveLines } from '../shared/require-records.js';
import { postStockChanges, type StockChange } from '../stock/post-stock-changes.js';
import { formatUnits, minUnits, toUnits } from '../stock/stock-units.js';
import type { PurchaseOrderLineRecord, PurchaseOrderRecord } from '../storage/inventory-records.js';
import { applyArrivalCost } from './apply-arrival-cost.js';
import { loadPurchaseOrder } from './load-purchase-order.js';
import { poOutstanding } from './purchase-order-outstanding.js';
import { purchaseOrderPayload, purchaseOrderStream } from './purchase-order-payload.js';
import { purchaseOrderRefShape } from './purchase-order-ref-input.js';
import { assertPurchaseOrderCan } from './purchase-order-transitions.js';

/** Input of {@link receivePurchaseOrder} and {@link overReceivePurchaseOrder}. */
export const receivePurchaseOrderInput = z.strictObject({
  ...purchaseOrderRefShape,
  /** What arrived now: one line per SKU of the order. */
  lines: z
    .array(
      z.strictObject({
        /** A SKU on the order. */
        sku: skuSchema,
        /** How much arrived (greater than zero, within the item's decimals). */
        quantity: quantityValueSchema,
      }),
    )
    .min(1)
    .max(500),
  /** Free text for the ledger, e.g. the delivery note number. */
  note: z.string().trim().min(1).max(500).optional(),
});

/** One received line in a {@link PurchaseOrderReceipt}. */
export interface PurchaseOrderReceivedLine {
  /** The SKU. */
  readonly sku: string;
  /** What arrived now. */
  readonly quantity: string;
  /** Of it, beyond what was outstanding (only through {@link overReceivePurchaseOrder}). */
  readonly over: string;
  /** The order's unit cost it was booked at. */
  readonly unitCost: string;
  /** The location's moving-average unit cost afterwards. */
  readonly averageCost: string;
  /** On hand at the location afterwards. */
  readonly onHand: string;
}

/** The result of receiving against a purchase order. */
export interface PurchaseOrderReceipt {
  /** The order afterwards. */
  readonly purchaseOrder: PurchaseOrderRecord;
  /** What was received, line by line. */
  readonly lines: readonly PurchaseOrderReceivedLine[];
}

const NAME = 'inventory.receive-purchase-order';
const OVER_NAME = 'inventory.over-receive-purchase-order';

/**
 * Books goods arriving against an ordered purchase order: on hand rises (ledger `receipt` at the
 * order's unit cost), `incoming` falls by what was outstanding, and the moving-average cost is
 * updated. The order becomes `received` once every line is complete, else `partially-received`.
 */
function receiveHandler(allowOver: boolean) {
  const context = `${allowOver ? OVER_NAME : NAME} input`;
  return async (
    ctx: InventoryCommandContext,
    input: z.output<typeof receivePurchaseOrderInput>,
  ): Promise<PurchaseOrderReceipt> => {
    const repository = ctx.tx.inventory;
    const current = await loadPurchaseOrder(repository, input);
    assertPurchaseOrderCan(current.status, 'receive');
    const location = await requireLocation(repository, current.locationId, 'locationId', context);
    refuseDuplicateSkus(input.lines, 'lines', context);
    const resolved = await resolveLines(repository, input.lines, 'lines', context);

    const issues = new InputIssues();
    const received = new Map<string, { units: bigint; over: bigint }>();
    for (const { line, index, item, units } of resolved) {
      const orderLine = current.lines.find((candidate) => candidate.sku === line.sku);
      if (!orderLine) {
        issues.add(`lines.${index}.sku`, `${line.sku} is not on purchase order ${current.id}`);
        continue;
      }
      const outstanding = poOutstanding(orderLine, item.scale);
      if (units > outstanding && !allowOver) {
        issues.add(
          `lines.${index}.quantity`,
          `${formatUnits(units, item.scale)} is more than the ${formatUnits(outstanding, item.scale)} outstanding; ` +
            `receiving more than ordered needs ${OVER_NAME} (permission inventory.receive-over)`,
        );
        continue;
      }
      received.set(line.sku, { units, over: units - minUnits(units, outstanding) });
    }
    issues.throwIfAny(context);

    const items = await loadItems(
      repository,
      current.lines.map((line) => line.sku),
    );
    const lines: PurchaseOrderLineRecord[] = current.lines.map((line) => {
      const arrival = received.get(line.sku);
      if (!arrival) return line;
      const scale = itemOf(items, line.sku).scale;
      return { ...line, received: formatUnits(toUnits(line.received, scale) + arrival.units, scale) };
    });
    const complete = lines.every((line) => poOutstanding(line, itemOf(items, line.sku).scale) === 0n);
    const record: PurchaseOrderRecord = {
      ...current,
      status: complete ? 'received' : 'partially-received',
      lines,
      updatedAt: ctx.now.toISOString(),
      version: current.version + 1,
    };
    await repository.updatePurchaseOrder(record, current.version);

    const arrivals = current.lines.flatMap((line) => {
      const arrival = received.get(line.sku);
      return arrival ? [{ line, item: itemOf(items, line.sku), ...arrival }] : [];
    });
    const changes: StockChange[] = arrivals.map(({ line, item, units, over }) => ({
      location,
      item,
      onHand: units,
      incoming: -(units - over),
      movement: {
        reason: 'receipt',
        unitCost: line.unitCost,
        referenceType: 'purchase-order',
        referenceId: current.id,
        note: input.note ?? null,
      },
    }));
    const posted = new Map(
      [...(await postStockChanges(ctx, changes)).values()].map((entry) => [entry.item.sku, entry]),
    );
    const receipt: PurchaseOrderReceivedLine[] = [];
    for (const { line, item, units, over } of arrivals) {
      const entry = posted.get(item.sku);
      if (!entry) throw new RangeError(`No posted level for ${item.sku}`);
      const averageCost = await applyArrivalCost(ctx, entry, units, line.unitCost);
      receipt.push({
        sku: item.sku,
        quantity: formatUnits(units, item.scale),
        over: formatUnits(over, item.scale),
        unitCost: line.unitCost,
        averageCost,
        onHand: formatUnits(toUnits(entry.level.onHand, item.scale), item.scale),
      });
    }

    ctx.emit({
      type: 'inventory.purchase-order-received',
      stream: purchaseOrderStream(record.id),
      storeId: record.locationId,
      payload: {
        ...purchaseOrderPayload(record, items, location, ctx.now),
        note: input.note ?? null,
        receipt: receipt.map((line) => {
          const item = itemOf(items, line.sku);
          return {
            sku: line.sku,
            categoryId: item.categoryId,
            unit: item.unit,
            quantity: line.quantity,
            over: line.over,
            unitCost: line.unitCost,
            averageCost: line.averageCost,
          };
        }),
      },
    });
    return { purchaseOrder: record, lines: receipt };
  };
}

/**
 * Receives goods against an ordered or partly received purchase order. Receiving more than a line
 * still expects is refused with a ValidationError naming `lines.<i>.quantity`; a manager books such
 * a delivery through {@link overReceivePurchaseOrder}. Goods of an item discontinued after it was
 * ordered are still received: they are physically there. Emits `inventory.purchase-order-received`.
 */
export const receivePurchaseOrder = defineCommand({
  name: NAME,
  permission: 'inventory.receive',
  input: receivePurchaseOrderInput,
  storeId: (input) => input.locationId,
  handler: receiveHandler(false),
});

/**
 * Like {@link receivePurchaseOrder}, but accepts more than ordered (permission
 * `inventory.receive-over`): the surplus is booked to stock at the order's unit cost, recorded as
 * `over` in the result and event, and leaves `incoming` untouched.
 */
export const overReceivePurchaseOrder = defineCommand({
  name: OVER_NAME,
  permission: 'inventory.receive-over',
  input: receivePurchaseOrderInput,
  storeId: (input) => input.locationId,
  handler: receiveHandler(true),
});
