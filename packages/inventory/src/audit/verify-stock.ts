import { type Actor, type CommandRunner, parseInput } from '@retailkit/core';
import type { z } from 'zod';
import type { InventoryStorageRepositories } from '../shared/inventory-context.js';
import { inventoryRead } from '../shared/inventory-read.js';
import { auditStock, type StockAudit } from './audit-stock.js';
import { stockAuditInput } from './stock-audit-input.js';

/**
 * Recomputes stock levels from the ledger and the open documents and reports every stored balance
 * that differs, changing nothing (permission `inventory.read`, in `locationId` when given, else
 * chain-wide). Fix what it finds with `rebuildStock`.
 *
 * - on hand = the sum of the SKU's movements at the location;
 * - reserved = Σ over open reservations of quantity − committed − released;
 * - incoming = Σ outstanding of ordered / partially received purchase orders + in transit;
 * - in transit = Σ shipped − settled of shipped / partially received transfers to the location.
 */
export async function verifyStock(
  runner: CommandRunner<InventoryStorageRepositories>,
  input: z.input<typeof stockAuditInput>,
  options: { readonly actor: Actor },
): Promise<StockAudit> {
  const context = 'verifyStock input';
  const filter = parseInput(stockAuditInput, input, context);
  return runner.query(inventoryRead(options.actor, filter.locationId), async (tx) => {
    const { checked, drifts } = await auditStock(tx.inventory, filter, context);
    return { checked, drifts };
  });
}
