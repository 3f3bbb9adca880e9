import { defineCommand, ValidationError } from '@retailkit/core';
import { z } from 'zod';
import { InputIssues } from '../shared/input-issues.js';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { nonNegativeQuantityValueSchema, skuSchema } from '../shared/inventory-schemas.js';
import { itemOf, loadItems } from '../shared/load-items.js';
import { refuseDuplicateSkus } from '../shared/refuse-duplicate-skus.js';
import { requireLocation, resolveLines } from '../shared/require-records.js';
import { postedAverageCost, postStockChanges, type StockChange } from '../stock/post-stock-changes.js';
import { formatUnits, toUnits } from '../stock/stock-units.js';
import type { TransferLineRecord, TransferRecord } from '../storage/inventory-records.js';
import { loadTransfer } from './load-transfer.js';
import { transferPayload, transferStream } from './transfer-payload.js';
import { transferRefShape } from './transfer-ref-input.js';
import { assertTransferCan } from './transfer-transitions.js';

/** Input of {@link shipTransfer}. */
export const shipTransferInput = z.strictObject({
  ...transferRefShape,
  /**
   * What actually leaves, per SKU, when it differs from what was requested (at most the requested
   * quantity; zero ships none of a line). Lines not listed ship as requested.
   */
  lines: z
    .array(
      z.strictObject({
        /** A SKU on the transfer. */
        sku: skuSchema,
        /** The quantity shipped. */
        quantity: nonNegativeQuantityValueSchema,
      }),
    )
    .min(1)
    .max(500)
    .optional(),
});

/**
 * Ships an approved transfer: on hand leaves the source (ledger `transfer-out` at the source's
 * average cost, guarded like a sale, so a shortfall throws InsufficientStockError and nothing
 * moves), and shows at the destination as `inTransit` and `incoming` until it is received. Each
 * line keeps that cost as its `unitCost`. Emits `inventory.transfer-shipped` with the shipment's
 * costs and their currency (the source's).
 */
export const shipTransfer = defineCommand({
  name: 'inventory.ship-transfer',
  permission: 'inventory.transfer',
  input: shipTransferInput,
  storeId: (input) => [input.fromLocationId, input.toLocationId],
  handler: async (ctx: InventoryCommandContext, input): Promise<TransferRecord> => {
    const context = 'inventory.ship-transfer input';
    const repository = ctx.tx.inventory;
    const current = await loadTransfer(repository, input);
    assertTransferCan(current.status, 'ship');
    const from = await requireLocation(repository, current.fromLocationId, 'fromLocationId', context);
    const to = await requireLocation(repository, current.toLocationId, 'toLocationId', context);
    const items = await loadItems(
      repository,
      current.lines.map((line) => line.sku),
    );

    const shipped = new Map<string, bigint>();
    if (input.lines !== undefined) {
      refuseDuplicateSkus(input.lines, 'lines', context);
      const issues = new InputIssues();
      for (const { line, index, item, units } of await resolveLines(
        repository,
        input.lines,
        'lines',
        context,
      )) {
        const transferLine = current.lines.find((candidate) => candidate.sku === line.sku);
        if (!transferLine) {
          issues.add(`lines.${index}.sku`, `${line.sku} is not on transfer ${current.id}`);
          continue;
        }
        const requested = toUnits(transferLine.requested, item.scale);
        if (units > requested) {
          issues.add(
            `lines.${index}.quantity`,
            `${formatUnits(units, item.scale)} is more than the ${formatUnits(requested, item.scale)} requested`,
          );
          continue;
        }
        shipped.set(line.sku, units);
      }
      issues.throwIfAny(context);
    }
    const lines: TransferLineRecord[] = current.lines.map((line) => {
      const scale = itemOf(items, line.sku).scale;
      const units = shipped.get(line.sku) ?? toUnits(line.requested, scale);
      return { ...line, shipped: formatUnits(units, scale) };
    });
    const moving = lines.flatMap((line) => {
      const item = itemOf(items, line.sku);
      const units = toUnits(line.shipped, item.scale);
      return units === 0n ? [] : [{ item, units }];
    });
    if (moving.length === 0) {
      throw new ValidationError([{ path: 'lines', message: 'nothing to ship: every quantity is zero' }], {
        context,
      });
    }

    const changes: StockChange[] = [];
    for (const { item, units } of moving) {
      changes.push({
        location: from,
        item,
        onHand: -units,
        movement: {
          reason: 'transfer-out',
          atAverageCost: true,
          referenceType: 'transfer',
          referenceId: current.id,
        },
      });
      changes.push({ location: to, item, incoming: units, inTransit: units });
    }
    const posted = await postStockChanges(ctx, changes);
    // The cost the stock left at (the source's average under its row lock) travels on the line:
    // receiving books the arrival and any transit loss at it.
    const leaving = new Set(moving.map(({ item }) => item.sku));
    const costed = lines.map((line) => ({
      ...line,
      unitCost: leaving.has(line.sku) ? postedAverageCost(posted, from.id, line.sku) : null,
    }));
    const record: TransferRecord = {
      ...current,
      status: 'shipped',
      lines: costed,
      shippedAt: ctx.now.toISOString(),
      updatedAt: ctx.now.toISOString(),
      version: current.version + 1,
    };
    await repository.updateTransfer(record, current.version);
    const shipment = moving.map(({ item, units }) => ({
      sku: item.sku,
      categoryId: item.categoryId,
      unit: item.unit,
      quantity: formatUnits(units, item.scale),
      unitCost: postedAverageCost(posted, from.id, item.sku),
    }));
    ctx.emit({
      type: 'inventory.transfer-shipped',
      stream: transferStream(record.id),
      storeId: record.fromLocationId,
      payload: { ...transferPayload(record, items, from, ctx.now, from), shipment },
    });
    return record;
  },
});
