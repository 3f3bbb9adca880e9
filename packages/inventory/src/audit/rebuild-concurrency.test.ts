import { createCommandRunner, sequentialIds } from '@retailkit/core';
import { describe, expect, it } from 'vitest';
import { interceptInventory } from '../../test/support/intercepted-storage.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import type { InventoryStorageRepositories } from '../shared/inventory-context.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';
import { rebuildStock } from './rebuild-stock.js';
import { verifyStock } from './verify-stock.js';

/** What a till sale of `quantity` tea at berlin that commits meanwhile writes (delta and ledger). */
async function concurrentSale(repository: InventoryRepository, quantity: number, now: string) {
  const key = { locationId: 'berlin', sku: 'tea-each' };
  await repository.applyStockDelta(key, { onHand: String(-quantity) }, { availableFloor: null, now });
  await repository.appendMovements([
    {
      ...key,
      id: 'concurrent-sale',
      reason: 'sale',
      subReason: null,
      quantity: String(-quantity),
      unitCost: null,
      referenceType: null,
      referenceId: null,
      actorId: 'till',
      occurredAt: now,
      businessDate: '2025-03-03',
      note: null,
    },
  ]);
}

describe('rebuildStock under concurrent stock changes', () => {
  it('does not overwrite a change that committed after its audit read (recomputes under the level lock)', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10);
    // Drift: the stored level says 7 while the ledger says 10.
    await t.read(async (repository) => {
      const level = await repository.getLevel({ locationId: 'berlin', sku: 'tea-each' });
      if (level) await repository.putLevel({ ...level, onHand: '7' });
    });

    // The audit reads without locks; on SQL a sale of 3 can commit between it and the first write
    // of the rebuild (its lock or its overwrite). Replay that interleaving.
    let sold = false;
    const runner = createCommandRunner<InventoryStorageRepositories>({
      storage: interceptInventory(t.storage, async (method, _args, proceed, repository) => {
        if (!sold && (method === 'putLevel' || method === 'updateLevelSettings')) {
          sold = true;
          await concurrentSale(repository, 3, t.clock.now().toISOString());
        }
        return proceed();
      }),
      clock: t.clock,
      ids: sequentialIds('r'),
    });
    const result = await runner.execute(rebuildStock, { locationId: 'berlin' }, { actor: t.admin });
    expect(sold).toBe(true);
    // It fixed what was wrong once the sale is counted: 7 − 3 stored against 10 − 3 in the ledger.
    expect(result.drifts).toEqual([
      { locationId: 'berlin', sku: 'tea-each', field: 'onHand', stored: '4', expected: '7' },
    ]);
    expect(await t.balances('berlin', 'tea-each')).toEqual(['7', '0']);
    expect(await verifyStock(t.runner, { locationId: 'berlin' }, { actor: t.admin })).toEqual({
      checked: 1,
      drifts: [],
    });
  });
});
