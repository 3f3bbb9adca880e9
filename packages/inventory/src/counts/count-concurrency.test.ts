import { createCommandRunner, sequentialIds } from '@retailkit/core';
import { describe, expect, it } from 'vitest';
import { commitsMeanwhile, interceptInventory } from '../../test/support/intercepted-storage.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import type { InventoryStorageRepositories } from '../shared/inventory-context.js';
import { openCount } from './open-count.js';
import { recordCount } from './record-count.js';

describe('recordCount under concurrent sales', () => {
  it('works out what a SKU first seen after opening had at opening from one locked view of it', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 10);
    const { id } = await t.execute(openCount, { locationId: 'berlin' });
    t.clock.advance({ minutes: 5 });
    // Coffee arrives after the count opened: at opening there was none.
    await t.receive('berlin', 'coffee-kg', '5');

    // expected = on hand − movements since opening, read in two statements. On SQL a sale of 2 kg
    // can commit between them unless the level is locked first: replay it if it can.
    const key = { locationId: 'berlin', sku: 'coffee-kg' };
    const now = t.clock.now().toISOString();
    const meanwhile = commitsMeanwhile(key, 'movementTotals', async (repository) => {
      await repository.applyStockDelta(key, { onHand: '-2' }, { availableFloor: null, now });
      await repository.appendMovements([
        {
          ...key,
          id: 'concurrent-sale',
          reason: 'sale',
          subReason: null,
          quantity: '-2',
          unitCost: null,
          referenceType: null,
          referenceId: null,
          actorId: 'till',
          occurredAt: now,
          businessDate: '2025-03-03',
          note: null,
        },
      ]);
    });
    const runner = createCommandRunner<InventoryStorageRepositories>({
      storage: interceptInventory(t.storage, meanwhile),
      clock: t.clock,
      ids: sequentialIds('r'),
    });
    const count = await runner.execute(
      recordCount,
      { countId: id, locationId: 'berlin', lines: [{ sku: 'coffee-kg', quantity: '3' }] },
      { actor: t.admin },
    );
    expect(count.lines).toContainEqual({ sku: 'coffee-kg', unit: 'kg', expected: '0.000', counted: '3.000' });
  });
});
