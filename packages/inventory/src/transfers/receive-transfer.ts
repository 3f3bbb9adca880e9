import { defineCommand } from '@retailkit/core';
import { z } from 'zod';
import { applyArrivalCost } from '../purchase-orders/apply-arrival-cost.js';
import { InputIssues } from '../shared/input-issues.js';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { nonNegativeQuantityValueSchema, skuSchema } from '../shared/inventory-schemas.js';
import { itemOf, loadItems } from '../shared/load-items.js';
import { loadLocation } from '../shared/load-location.js';
import { refuseDuplicateSkus } from '../shared/refuse-duplicate-skus.js';
import { postStockChanges, type StockChange } from '../stock/post-stock-changes.js';
import { formatUnits, maxUnits, toUnits, tryToUnits } from '../stock/stock-units.js';
import type {
  LocationRecord,
  StockItemRecord,
  TransferLineRecord,
  TransferRecord,
} from '../storage/inventory-records.js';
import { loadTransfer } from './load-transfer.js';
import { transferInTransit } from './transfer-in-transit.js';
import { transferPayload, transferStream } from './transfer-payload.js';
import { transferRefShape } from './transfer-ref-input.js';
import { assertTransferCan } from './transfer-transitions.js';

/** Input of {@link receiveTransfer}. */
export const receiveTransferInput = z.strictObject({
  ...transferRefShape,
  /** What was found on arrival, per SKU of the transfer; each line reports at least one quantity. */
  lines: z
    .array(
      z.strictObject({
        /** A SKU on the transfer. */
        sku: skuSchema,
        /** Arrived sellable, including anything beyond what was shipped. Default 0. */
        received: nonNegativeQuantityValueSchema.default('0'),
        /** Will not arrive (missing from the delivery). Default 0. */
        short: nonNegativeQuantityValueSchema.default('0'),
        /** Arrived damaged; not added to stock. Default 0. */
        damaged: nonNegativeQuantityValueSchema.default('0'),
      }),
    )
    .min(1)
    .max(500),
  /** Free text for the ledger, e.g. the delivery note number. */
  note: z.string().trim().min(1).max(500).optional(),
});

/** One line of a {@link TransferReceipt}: what this receipt recorded and where the line stands. */
export interface TransferReceivedLine {
  /** The SKU. */
  readonly sku: string;
  /** Arrived sellable now (including over). */
  readonly received: string;
  /** Of it, beyond what was still in transit. */
  readonly over: string;
  /** Reported short now. */
  readonly short: string;
  /** Reported damaged now. */
  readonly damaged: string;
  /** Still in transit on this line afterwards. */
  readonly inTransit: string;
  /** The unit cost it arrived at (the source's average when it shipped), null when unknown. */
  readonly unitCost: string | null;
  /** The destination's moving-average unit cost afterwards. */
  readonly averageCost: string | null;
  /** On hand at the destination afterwards. */
  readonly onHand: string;
}

/** The result of receiving a transfer. */
export interface TransferReceipt {
  /** The transfer afterwards. */
  readonly transfer: TransferRecord;
  /** The lines this receipt reported on. */
  readonly lines: readonly TransferReceivedLine[];
}

interface Arrival {
  readonly item: StockItemRecord;
  readonly received: bigint;
  readonly over: bigint;
  readonly short: bigint;
  readonly damaged: bigint;
}

const CONTEXT = 'inventory.receive-transfer input';

/**
 * Reads each input line against the transfer: quantities within the item's decimals, at least one
 * non-zero, short + damaged within what is still in transit; anything received beyond that is over.
 */
function readArrivals(
  transfer: TransferRecord,
  lines: z.output<typeof receiveTransferInput>['lines'],
  items: ReadonlyMap<string, StockItemRecord>,
): Map<string, Arrival> {
  const issues = new InputIssues();
  const arrivals = new Map<string, Arrival>();
  lines.forEach((line, index) => {
    const transferLine = transfer.lines.find((candidate) => candidate.sku === line.sku);
    if (!transferLine) {
      issues.add(`lines.${index}.sku`, `${line.sku} is not on transfer ${transfer.id}`);
      return;
    }
    const item = itemOf(items, line.sku);
    const read = (field: 'received' | 'short' | 'damaged'): bigint | undefined => {
      const units = tryToUnits(line[field], item.scale);
      if (units === undefined) {
        issues.add(
          `lines.${index}.${field}`,
          item.scale === 0
            ? `${item.sku} is counted in whole ${item.unit}; ${line[field]} has decimals`
            : `${item.sku} is measured in ${item.unit} to ${item.scale} decimals; ${line[field]} is finer`,
        );
      }
      return units;
    };
    const received = read('received');
    const short = read('short');
    const damaged = read('damaged');
    if (received === undefined || short === undefined || damaged === undefined) return;
    if (received + short + damaged === 0n) {
      issues.add(`lines.${index}`, 'report a quantity received, short or damaged');
      return;
    }
    const inTransit = transferInTransit(transferLine, item.scale);
    if (short + damaged > inTransit) {
      issues.add(
        `lines.${index}.${short > inTransit ? 'short' : 'damaged'}`,
        `short + damaged (${formatUnits(short + damaged, item.scale)}) exceed the ` +
          `${formatUnits(inTransit, item.scale)} still in transit`,
      );
      return;
    }
    const over = maxUnits(received + short + damaged - inTransit, 0n);
    arrivals.set(line.sku, { item, received, over, short, damaged });
  });
  issues.throwIfAny(CONTEXT);
  return arrivals;
}

function addUnits(value: string, units: bigint, scale: number): string {
  return formatUnits(toUnits(value, scale) + units, scale);
}

/** The ledger note of a transit loss. */
type TransitLossNote = 'damaged in transit' | 'lost in transit';

/**
 * A transit loss booked at the destination: the lost units come in (`transfer-in`) and are written
 * off at once (`write-off`), both at the cost they shipped at, so on hand does not change but
 * shrink reports built from the ledger see the loss and its value.
 */
function transitLoss(
  transfer: TransferRecord,
  location: LocationRecord,
  item: StockItemRecord,
  units: bigint,
  unitCost: string | null,
  note: TransitLossNote,
): StockChange[] {
  const reference = { unitCost, referenceType: 'transfer', referenceId: transfer.id, note } as const;
  return [
    { location, item, onHand: units, movement: { reason: 'transfer-in', ...reference } },
    { location, item, onHand: -units, movement: { reason: 'write-off', ...reference } },
  ];
}

/**
 * Receives a shipped transfer, in one go or several: per SKU what arrived sellable (added to the
 * destination's on hand, ledger `transfer-in` at the cost it shipped at, moving-average cost
 * updated), what is short and what arrived damaged. Losses do not add to stock: each is booked at
 * the destination as a `transfer-in` followed by a `write-off` of the same quantity at the shipped
 * cost (notes `damaged in transit` / `lost in transit`), so the ledger shows them with their value
 * while on hand and the average cost only count the sellable arrival. Anything beyond what was in
 * transit is recorded as `over`. `inTransit` and `incoming` at the destination fall by what got
 * settled (received − over + short + damaged). The transfer stays `partially-received` until every
 * line is settled, then it is `received`. Emits `inventory.transfer-received` with the
 * discrepancies of this receipt, costs in the source's currency.
 */
export const receiveTransfer = defineCommand({
  name: 'inventory.receive-transfer',
  permission: 'inventory.transfer',
  input: receiveTransferInput,
  // Only the destination's stock changes, so its staff may receive without rights at the source.
  storeId: (input) => input.toLocationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<TransferReceipt> => {
    const repository = ctx.tx.inventory;
    const current = await loadTransfer(repository, input);
    assertTransferCan(current.status, 'receive');
    refuseDuplicateSkus(input.lines, 'lines', CONTEXT);
    const from = await loadLocation(repository, current.fromLocationId);
    const to = await loadLocation(repository, current.toLocationId);
    const items = await loadItems(
      repository,
      current.lines.map((line) => line.sku),
    );
    const arrivals = readArrivals(current, input.lines, items);

    const lines: TransferLineRecord[] = current.lines.map((line) => {
      const arrival = arrivals.get(line.sku);
      if (!arrival) return line;
      const scale = arrival.item.scale;
      return {
        ...line,
        received: addUnits(line.received, arrival.received, scale),
        over: addUnits(line.over, arrival.over, scale),
        short: addUnits(line.short, arrival.short, scale),
        damaged: addUnits(line.damaged, arrival.damaged, scale),
      };
    });
    const settled = lines.every((line) => transferInTransit(line, itemOf(items, line.sku).scale) === 0n);
    const record: TransferRecord = {
      ...current,
      status: settled ? 'received' : 'partially-received',
      lines,
      updatedAt: ctx.now.toISOString(),
      version: current.version + 1,
    };
    await repository.updateTransfer(record, current.version);

    // Every line of a shipped transfer carries the cost it left the source at.
    const costs = new Map(current.lines.map((line) => [line.sku, line.unitCost]));
    const changes: StockChange[] = [];
    for (const { item, received, over, short, damaged } of arrivals.values()) {
      const settledNow = received - over + short + damaged;
      const unitCost = costs.get(item.sku) ?? null;
      changes.push({
        location: to,
        item,
        onHand: received,
        incoming: -settledNow,
        inTransit: -settledNow,
        movement: {
          reason: 'transfer-in',
          unitCost,
          referenceType: 'transfer',
          referenceId: current.id,
          note: input.note ?? null,
        },
      });
      if (damaged > 0n)
        changes.push(...transitLoss(current, to, item, damaged, unitCost, 'damaged in transit'));
      if (short > 0n) changes.push(...transitLoss(current, to, item, short, unitCost, 'lost in transit'));
    }
    const posted = new Map(
      [...(await postStockChanges(ctx, changes)).values()].map((entry) => [entry.item.sku, entry]),
    );

    const receipt: TransferReceivedLine[] = [];
    for (const line of lines) {
      const arrival = arrivals.get(line.sku);
      if (!arrival) continue;
      const { item, received } = arrival;
      const entry = posted.get(item.sku);
      if (!entry) throw new RangeError(`No posted level for ${item.sku}`);
      const unitCost = costs.get(item.sku) ?? null;
      const averageCost =
        received > 0n && unitCost !== null
          ? await applyArrivalCost(ctx, entry, received, unitCost)
          : entry.level.averageCost;
      const show = (units: bigint) => formatUnits(units, item.scale);
      receipt.push({
        sku: item.sku,
        received: show(received),
        over: show(arrival.over),
        short: show(arrival.short),
        damaged: show(arrival.damaged),
        inTransit: show(transferInTransit(line, item.scale)),
        unitCost,
        averageCost,
        onHand: show(toUnits(entry.level.onHand, item.scale)),
      });
    }

    const described = receipt.map((line) => {
      const item = itemOf(items, line.sku);
      return {
        sku: line.sku,
        categoryId: item.categoryId,
        unit: item.unit,
        received: line.received,
        over: line.over,
        short: line.short,
        damaged: line.damaged,
        writtenOff: formatUnits(
          toUnits(line.short, item.scale) + toUnits(line.damaged, item.scale),
          item.scale,
        ),
        unitCost: line.unitCost,
      };
    });
    const zero = (value: string) => !/[1-9]/.test(value);
    ctx.emit({
      type: 'inventory.transfer-received',
      stream: transferStream(record.id),
      storeId: record.toLocationId,
      payload: {
        ...transferPayload(record, items, to, ctx.now, from),
        note: input.note ?? null,
        receipt: described,
        discrepancies: described.filter(
          (line) => !(zero(line.over) && zero(line.short) && zero(line.damaged)),
        ),
      },
    });
    return { transfer: record, lines: receipt };
  },
});
