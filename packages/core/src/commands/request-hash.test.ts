import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { requestHash } from './request-hash.js';

describe('requestHash', () => {
  it('is the SHA-256 hex digest of the command name and canonical input', async () => {
    // `printf 'inventory.reserve\n{"qty":1,"sku":"A"}' | sha256sum`
    expect(await requestHash('inventory.reserve', { sku: 'A', qty: 1 })).toBe(
      'd6e86eb2f78016f38210f860b4c474dd400c347afcc34ed1326c1a2559d77f2a',
    );
  });

  it('ignores key order but not values', async () => {
    const a = await requestHash('inventory.reserve', { sku: 'A', lines: [{ qty: 1, at: 'x' }] });
    const reordered = await requestHash('inventory.reserve', { lines: [{ at: 'x', qty: 1 }], sku: 'A' });
    const otherValue = await requestHash('inventory.reserve', { sku: 'A', lines: [{ qty: 2, at: 'x' }] });
    expect(reordered).toBe(a);
    expect(otherValue).not.toBe(a);
  });

  it('differs between commands for the same input', async () => {
    expect(await requestHash('inventory.reserve', { sku: 'A' })).not.toBe(
      await requestHash('inventory.release', { sku: 'A' }),
    );
  });

  it('is equal exactly when the canonical JSON is equal (property)', async () => {
    const pair = fc.oneof(
      fc.tuple(fc.jsonValue(), fc.jsonValue()),
      // Same value built twice, keys in reverse order, so equal pairs are common too.
      fc.jsonValue().map((value) => [value, reverseKeys(value)] as const),
    );
    await fc.assert(
      fc.asyncProperty(pair, async ([a, b]) => {
        const sameHash = (await requestHash('c.x', a)) === (await requestHash('c.x', b));
        expect(sameHash).toBe(canonicalJson(a) === canonicalJson(b));
      }),
    );
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .reverse()
      .map((key) => [key, reverseKeys((value as Record<string, unknown>)[key])]),
  );
}
