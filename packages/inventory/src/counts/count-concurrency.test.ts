import { describe, expect, it } from 'vitest';
import {
  commitsMeanwhile,
  interceptingRunner,
  writeTillSale,
} from '../../test/support/intercepted-storage.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
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
      await writeTillSale(repository, key, '2', now);
    });
    const runner = interceptingRunner(t.storage, t.clock, meanwhile);
    const count = await runner.execute(
      recordCount,
      { countId: id, locationId: 'berlin', lines: [{ sku: 'coffee-kg', quantity: '3' }] },
      { actor: t.admin },
    );
    expect(count.lines).toContainEqual({ sku: 'coffee-kg', unit: 'kg', expected: '0.000', counted: '3.000' });
  });
});
