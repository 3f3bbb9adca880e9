import { aManager } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { recordingRunner } from '../../test/support/intercepted-storage.js';
import { setupInventory } from '../../test/support/setup-inventory.js';
import { recordSale } from '../stock-commands/record-sale.js';
import { deleteReorderRule } from './delete-reorder-rule.js';
import { generateSuggestions } from './generate-suggestions.js';
import { setReorderRule } from './set-reorder-rule.js';

/*
 * A sale evaluates the low-stock alert while it holds the level's row lock (postStockChanges takes
 * it first), then reads and rewrites the rule. On SQL, a command that writes the rule without taking
 * that lock first can interleave with it: the sale rewrites the rule it read before (losing the new
 * reorder point, or bringing a deleted rule back), both emit the alert, and the two commands lock
 * level and rule in opposite orders (a deadlock). These check the lock discipline: level first.
 */

const rule = {
  locationId: 'berlin',
  sku: 'tea-each',
  reorderPoint: '5',
  method: 'fixed-quantity',
  reorderQuantity: '10',
  source: { kind: 'purchase', supplierId: 'tea-co' },
} as const;

const LEVEL = 'berlin/tea-each';

function firstIndex(calls: readonly string[], prefix: string): number {
  return calls.findIndex((call) => call.startsWith(prefix));
}

describe('reorder rules and the level lock', () => {
  it('a sale locks the level before it reads or writes the rule (the order the others must follow)', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 8);
    await t.execute(setReorderRule, rule);
    const calls: string[] = [];
    await recordingRunner(t.storage, t.clock, calls).execute(
      recordSale,
      { locationId: 'berlin', lines: [{ sku: 'tea-each', quantity: 4 }] },
      { actor: t.admin },
    );
    expect(firstIndex(calls, `applyStockDelta ${LEVEL}`)).toBeGreaterThanOrEqual(0);
    expect(firstIndex(calls, `applyStockDelta ${LEVEL}`)).toBeLessThan(
      firstIndex(calls, `switchReorderAlert ${LEVEL}`),
    );
  });

  it('setReorderRule locks the level before it reads or writes the rule, with or without safety stock', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 8);
    for (const input of [rule, { ...rule, reorderPoint: '9', safetyStock: '2' }]) {
      const calls: string[] = [];
      await recordingRunner(t.storage, t.clock, calls).execute(setReorderRule, input, {
        actor: aManager(['berlin']),
      });
      const lock = firstIndex(calls, `updateLevelSettings ${LEVEL}`);
      expect(lock).toBeGreaterThanOrEqual(0);
      expect(lock).toBeLessThan(firstIndex(calls, `getReorderRule ${LEVEL}`));
      expect(lock).toBeLessThan(firstIndex(calls, `putReorderRule ${LEVEL}`));
    }
    // The lock is a touch: balances and settings stay as they were.
    expect(await t.balances('berlin', 'tea-each')).toEqual(['8', '0']);
    expect((await t.level('berlin', 'tea-each'))?.safetyStock).toBe('2');
  });

  it('deleteReorderRule locks the level before it deletes the rule', async () => {
    const t = await setupInventory();
    await t.execute(setReorderRule, rule);
    const calls: string[] = [];
    await recordingRunner(t.storage, t.clock, calls).execute(
      deleteReorderRule,
      { locationId: 'berlin', sku: 'tea-each' },
      { actor: t.admin },
    );
    const lock = firstIndex(calls, `updateLevelSettings ${LEVEL}`);
    expect(lock).toBeGreaterThanOrEqual(0);
    expect(lock).toBeLessThan(firstIndex(calls, `deleteReorderRule ${LEVEL}`));
  });

  it('generateSuggestions locks a low level before it checks for open suggestions, so two runs cannot both suggest', async () => {
    const t = await setupInventory();
    await t.receive('berlin', 'tea-each', 2);
    await t.execute(setReorderRule, rule);
    const calls: string[] = [];
    const result = await recordingRunner(t.storage, t.clock, calls).execute(
      generateSuggestions,
      { locationId: 'berlin' },
      { actor: t.admin },
    );
    expect(result.created).toHaveLength(1);
    const lock = firstIndex(calls, `updateLevelSettings ${LEVEL}`);
    expect(lock).toBeGreaterThanOrEqual(0);
    expect(lock).toBeLessThan(firstIndex(calls, 'listSuggestions'));
    expect(lock).toBeLessThan(firstIndex(calls, 'insertSuggestion'));
  });
});
