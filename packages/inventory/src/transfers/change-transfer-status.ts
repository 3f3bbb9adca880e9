import type { InventoryCommandContext } from '../shared/inventory-context.js';
import { loadItems } from '../shared/load-items.js';
import { loadLocation } from '../shared/load-location.js';
import type { TransferRecord, TransferStatus } from '../storage/inventory-records.js';
import { loadTransfer } from './load-transfer.js';
import { transferPayload, transferStream } from './transfer-payload.js';
import { assertTransferCan, type TransferEvent } from './transfer-transitions.js';

/**
 * Moves a transfer that changes no stock on the way (request, approve, cancel) to `status`, after
 * checking the transition, and emits `eventType` for it at the source.
 */
export async function changeTransferStatus(
  ctx: InventoryCommandContext,
  ref: { readonly id: string; readonly fromLocationId: string; readonly toLocationId: string },
  change: { readonly event: TransferEvent; readonly status: TransferStatus; readonly eventType: string },
): Promise<TransferRecord> {
  const repository = ctx.tx.inventory;
  const current = await loadTransfer(repository, ref);
  assertTransferCan(current.status, change.event);
  const record: TransferRecord = {
    ...current,
    status: change.status,
    updatedAt: ctx.now.toISOString(),
    version: current.version + 1,
  };
  await repository.updateTransfer(record, current.version);
  const from = await loadLocation(repository, record.fromLocationId);
  const items = await loadItems(
    repository,
    record.lines.map((line) => line.sku),
  );
  ctx.emit({
    type: change.eventType,
    stream: transferStream(record.id),
    storeId: record.fromLocationId,
    payload: { ...transferPayload(record, items, from, ctx.now, from), previousStatus: current.status },
  });
  return record;
}
