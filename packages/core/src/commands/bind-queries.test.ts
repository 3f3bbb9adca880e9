import { describe, expect, it } from 'vitest';
import { unusedRepository } from '../../test/support/unused.js';
import type { Actor } from '../access/actor.js';
import type { CoreRepositories, StorageAdapter } from '../storage/storage-adapter.js';
import { bindQueries } from './bind-queries.js';
import { type CommandRunner, createCommandRunner } from './command-runner.js';

const storage: StorageAdapter = {
  name: 'plain',
  transaction: <T>(fn: (tx: CoreRepositories) => Promise<T>) =>
    fn({ idempotency: unusedRepository(), outbox: unusedRepository() }),
  async close() {},
};

async function storeName(
  runner: CommandRunner,
  input: { storeId: string },
  options: { actor: Actor },
): Promise<string> {
  return runner.query(
    { actor: options.actor, permission: 'inventory.read', storeId: input.storeId },
    async () => input.storeId.toUpperCase(),
  );
}

describe('bindQueries', () => {
  it('binds reads to the runner under the same names, keeping authorisation', async () => {
    const queries = bindQueries(createCommandRunner({ storage }), { storeName });
    const cashier = { id: 'c', roles: ['cashier'], storeIds: ['berlin'] };
    expect(await queries.storeName({ storeId: 'berlin' }, { actor: cashier })).toBe('BERLIN');
    await expect(queries.storeName({ storeId: 'paris' }, { actor: cashier })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(Object.isFrozen(queries)).toBe(true);
  });
});
