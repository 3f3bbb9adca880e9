import { describe, expect, it } from 'vitest';
import { interceptingRunner, writeTillSale } from '../../test/support/intercepted-storage.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { rebuildStock } from './rebuild-stock.js';
import { verifyStock } from './verify-stock.js';

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
    const runner = interceptingRunner(t.storage, t.clock, async (method, _args, proceed, repository) => {
      if (!sold && (method === 'putLevel' || method === 'updateLevelSettings')) {
        sold = true;
        await writeTillSale(
          repository,
          { locationId: 'berlin', sku: 'tea-each' },
          '3',
          t.clock.now().toISOString(),
        );
      }
      return proceed();
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
