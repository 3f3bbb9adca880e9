import { ConflictError, defineCommand, InsufficientStockError, isRetailKitError } from '@retailkit/core';
import { z } from 'zod';
import { calendarOf } from '../locations/location-calendar.js';
import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { itemOf, loadItems } from '../shared/load-items.js';
import { loadLocation } from '../shared/load-location.js';
import {
  postedAverageCost,
  postStockChanges,
  type Shortage,
  type StockChange,
} from '../stock/post-stock-changes.js';
import { formatUnits, toUnits } from '../stock/stock-units.js';
import type { StockCountLineRecord, StockCountRecord } from '../storage/inventory-records.js';
import { countRefShape } from './count-ref-input.js';
import { countStream, type StockCount, toStockCount } from './count-view.js';
import { loadOpenCount } from './load-count.js';

/** Input of {@link postCount}. */
export const postCountInput = z.strictObject({
  ...countRefShape,
  /** Treat SKUs nobody counted as counted zero; default false (they are left unchanged). */
  zeroUncounted: z.boolean().default(false),
});

/** One correction a posted count made. */
export type CountCorrection = {
  /** The SKU. */
  readonly sku: string;
  /** The item's unit code. */
  readonly unit: string;
  /** On hand when the count opened. */
  readonly expected: string;
  /** What was counted. */
  readonly counted: string;
  /** counted − expected, booked as a `count-correction` movement (zero books nothing). */
  readonly correction: string;
};

/** What {@link postCount} returns. */
export type PostCountResult = {
  /** The count, now `posted`. */
  readonly count: StockCount;
  /** Every counted line with its correction, ordered by SKU. */
  readonly corrections: readonly CountCorrection[];
  /** SKUs nobody counted, left unchanged (empty with `zeroUncounted`). */
  readonly uncounted: readonly string[];
};

/**
 * Posts an open count. Each counted line is corrected by `counted − expected` with a
 * `count-correction` movement at the level's average cost (kept on the line as its `unitCost`), so
 * movements made after the count opened stay on top: on hand ends at counted + what moved since. Uncounted lines are left alone
 * unless `zeroUncounted`.
 *
 * A correction that would take available below what the backorder policy allows (counting fewer
 * than are reserved for open orders) is refused like any other decrease: the whole count is not
 * posted, and the InsufficientStockError lists every blocked SKU with the count's figures in
 * `details.blocked`. Release or commit the reservations (or recount) and post again.
 * Emits `inventory.count-posted`.
 */
export const postCount = defineCommand({
  name: 'inventory.post-count',
  permission: 'inventory.count',
  input: postCountInput,
  storeId: (input) => input.locationId,
  handler: async (ctx: InventoryCommandContext, input): Promise<PostCountResult> => {
    const repository = ctx.tx.inventory;
    const count = await loadOpenCount(repository, input, 'post');
    const location = await loadLocation(repository, count.locationId);
    const items = await loadItems(
      repository,
      count.lines.map((line) => line.sku),
    );
    const lines: StockCountLineRecord[] = [];
    const corrections: (CountCorrection & { readonly units: bigint })[] = [];
    const uncounted: string[] = [];
    const changes: StockChange[] = [];
    for (const line of count.lines) {
      const item = itemOf(items, line.sku);
      const scale = item.scale;
      const countedText = line.counted ?? (input.zeroUncounted ? formatUnits(0n, scale) : null);
      lines.push({ ...line, counted: countedText });
      if (countedText === null) {
        uncounted.push(line.sku);
        continue;
      }
      const expected = toUnits(line.expected, scale);
      const counted = toUnits(countedText, scale);
      const units = counted - expected;
      corrections.push({
        sku: line.sku,
        unit: item.unit,
        expected: formatUnits(expected, scale),
        counted: formatUnits(counted, scale),
        correction: formatUnits(units, scale),
        units,
      });
      if (units === 0n) continue;
      changes.push({
        location,
        item,
        onHand: units,
        movement: {
          reason: 'count-correction',
          atAverageCost: true,
          referenceType: 'count',
          referenceId: count.id,
        },
      });
    }
    let posted: Awaited<ReturnType<typeof postStockChanges>>;
    try {
      posted = await postStockChanges(ctx, changes);
    } catch (error) {
      if (!isRetailKitError(error, 'INSUFFICIENT_STOCK')) throw error;
      throw blockedCount(count, corrections, error.details as { shortages?: readonly Shortage[] }, error);
    }
    const corrected = new Set(changes.map((change) => change.item.sku));
    await refuseCorrectedSinceOpening(ctx, count, corrected);

    const now = ctx.now.toISOString();
    const record: StockCountRecord = {
      ...count,
      status: 'posted',
      // Each correction keeps the cost it was booked at (the average under the level's lock), so
      // the variance report values it without reading the ledger back.
      lines: lines.map((line) => ({
        ...line,
        unitCost: corrected.has(line.sku) ? postedAverageCost(posted, location.id, line.sku) : null,
      })),
      postedAt: now,
      updatedAt: now,
      version: count.version + 1,
    };
    await repository.updateCount(record, count.version);
    ctx.emit({
      type: 'inventory.count-posted',
      stream: countStream(record.id),
      storeId: record.locationId,
      payload: {
        countId: record.id,
        locationId: record.locationId,
        currency: location.currency,
        openedAt: record.openedAt,
        zeroUncounted: input.zeroUncounted,
        businessDate: calendarOf(location).businessDayOf(ctx.now),
        lines: corrections.map(({ units, ...correction }) => ({
          ...correction,
          // Booked at the average cost under the level's lock; nothing booked, no cost.
          unitCost: units === 0n ? null : postedAverageCost(posted, location.id, correction.sku),
          categoryId: itemOf(items, correction.sku).categoryId,
        })),
        uncounted,
      },
    });
    return {
      count: toStockCount(record, items),
      corrections: corrections.map(({ units: _units, ...correction }) => correction),
      uncounted,
    };
  },
});

/**
 * Throws a (non-retryable) ConflictError when another count booked corrections for one of `skus`
 * at the location after `count` opened: the two were open together, so posting this one would
 * correct the same difference twice. openCount refuses such overlaps, but it reads the open counts
 * without a lock, so on SQL two counts opened at the same moment both get through. This runs after
 * the corrections' level locks are held, so a posting that commits first is always seen here.
 */
async function refuseCorrectedSinceOpening(
  ctx: InventoryCommandContext,
  count: StockCountRecord,
  skus: ReadonlySet<string>,
): Promise<void> {
  if (skus.size === 0) return;
  const overlapping = new Map<string, Set<string>>();
  let after: string | undefined;
  do {
    const page = await ctx.tx.inventory.listMovements(
      { locationId: count.locationId, reasons: ['count-correction'], from: count.openedAt },
      { limit: 500, ...(after === undefined ? {} : { after }) },
    );
    for (const movement of page.items) {
      // Posted at the instant this count opened (a fake clock) is before it, not beside it.
      if (movement.occurredAt === count.openedAt || movement.referenceId === count.id) continue;
      if (!skus.has(movement.sku)) continue;
      const other = movement.referenceId ?? 'unknown';
      overlapping.set(other, (overlapping.get(other) ?? new Set()).add(movement.sku));
    }
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  const [other] = overlapping.keys();
  if (other === undefined) return;
  const shared = [...new Set([...overlapping.values()].flatMap((set) => [...set]))].sort();
  throw new ConflictError(
    `Count ${JSON.stringify(count.id)} overlaps count ${JSON.stringify(other)}, which was posted for ` +
      `${shared.join(', ')} after it opened; cancel it and count again`,
    {
      retryable: false,
      details: {
        countId: count.id,
        locationId: count.locationId,
        postedCountIds: [...overlapping.keys()],
        skus: shared,
      },
    },
  );
}

/** The error for a count whose corrections would take available stock below its floor (usually: below what is reserved). */
function blockedCount(
  count: StockCountRecord,
  corrections: readonly CountCorrection[],
  details: { readonly shortages?: readonly Shortage[] },
  cause: unknown,
): InsufficientStockError {
  const shortages = details.shortages ?? [];
  const blocked = shortages.map((shortage) => {
    const line = corrections.find((correction) => correction.sku === shortage.sku);
    return {
      sku: shortage.sku,
      expected: line?.expected ?? null,
      counted: line?.counted ?? null,
      correction: line?.correction ?? null,
      available: shortage.available,
    };
  });
  const list = blocked.map(
    (line) =>
      `${line.sku} (counted ${line.counted}, correction ${line.correction}, available only ${line.available})`,
  );
  return new InsufficientStockError(
    `Count ${JSON.stringify(count.id)} cannot be posted: its corrections would take available stock ` +
      `below what is reserved and the backorder policy allows for ${list.join('; ')}`,
    { details: { countId: count.id, locationId: count.locationId, blocked, shortages }, cause },
  );
}
