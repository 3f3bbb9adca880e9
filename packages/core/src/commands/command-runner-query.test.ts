import { describe, expect, it } from 'vitest';
import { rejection, validationPaths } from '../../test/support/catch-error.js';
import { unusedRepository } from '../../test/support/unused.js';
import { FakeClock } from '../clock/clock.js';
import { ConflictError } from '../errors/error-classes.js';
import { isRetailKitError } from '../errors/retailkit-error.js';
import type { CoreRepositories, StorageAdapter, TransactionOptions } from '../storage/storage-adapter.js';
import { createCommandRunner } from './command-runner.js';

function readStorage(conflicts = 0) {
  const calls: (TransactionOptions | undefined)[] = [];
  let remaining = conflicts;
  const storage: StorageAdapter = {
    name: 'read-fake',
    async transaction<T>(fn: (tx: CoreRepositories) => Promise<T>, options?: TransactionOptions): Promise<T> {
      calls.push(options);
      const result = await fn({ idempotency: unusedRepository(), outbox: unusedRepository() });
      if (remaining > 0) {
        remaining--;
        throw new ConflictError('serialization failure');
      }
      return result;
    },
    async close() {},
  };
  return { storage, calls };
}

const cashier = { id: 'c1', roles: ['cashier'], storeIds: ['berlin'] };

describe('runner.query', () => {
  it('authorises the read and runs it in a read-only transaction', async () => {
    const { storage, calls } = readStorage();
    const runner = createCommandRunner({ storage, clock: new FakeClock('2025-01-01T00:00:00Z') });
    const value = await runner.query(
      { actor: cashier, permission: 'inventory.read', storeId: 'berlin' },
      async () => 42,
    );
    expect(value).toBe(42);
    expect(calls).toEqual([{ readOnly: true }]);
  });

  it('refuses an actor without the permission or outside the store, before reading', async () => {
    const { storage, calls } = readStorage();
    const runner = createCommandRunner({ storage });
    const elsewhere = await rejection(
      runner.query({ actor: cashier, permission: 'inventory.read', storeId: 'hamburg' }, async () => 1),
    );
    expect(isRetailKitError(elsewhere, 'FORBIDDEN')).toBe(true);
    const denied = await rejection(
      runner.query({ actor: cashier, permission: 'inventory.rebuild' }, async () => 1),
    );
    expect(isRetailKitError(denied, 'FORBIDDEN')).toBe(true);
    expect(calls).toEqual([]);
  });

  it('refuses malformed options with a ValidationError naming the field', async () => {
    const { storage } = readStorage();
    const runner = createCommandRunner({ storage });
    const error = await rejection(
      runner.query({ actor: cashier, permission: 'inventory.read', storeid: 'x' } as never, async () => 1),
    );
    expect(validationPaths(error)).toEqual(['']);
    const badPermission = await rejection(
      runner.query({ actor: cashier, permission: 'read' as never }, async () => 1),
    );
    expect(validationPaths(badPermission)).toEqual(['permission']);
  });

  it('retries a read that meets a conflict', async () => {
    const { storage, calls } = readStorage(2);
    const runner = createCommandRunner({ storage, retry: { baseDelayMs: 0, maxDelayMs: 0 } });
    await expect(
      runner.query({ actor: cashier, permission: 'inventory.read', storeId: 'berlin' }, async () => 'ok'),
    ).resolves.toBe('ok');
    expect(calls).toHaveLength(3);
  });
});
