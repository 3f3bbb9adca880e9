import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { unusedRepository } from '../../test/support/unused.js';
import type { CoreRepositories, StorageAdapter } from '../storage/storage-adapter.js';
import { bindCommands } from './bind-commands.js';
import { defineCommand } from './command-definition.js';
import { createCommandRunner } from './command-runner.js';

const storage: StorageAdapter = {
  name: 'plain',
  transaction: <T>(fn: (tx: CoreRepositories) => Promise<T>) =>
    fn({ idempotency: unusedRepository(), outbox: unusedRepository() }),
  async close() {},
};

const double = defineCommand({
  name: 'math.double',
  permission: 'math.double',
  input: z.object({ value: z.int() }),
  handler: async (_ctx, input) => ({ doubled: input.value * 2 }),
});

const greet = defineCommand({
  name: 'math.greet',
  permission: 'math.greet',
  input: z.object({ name: z.string() }),
  handler: async (ctx, input) => `hello ${input.name} from ${ctx.actor.id}`,
});

describe('bindCommands', () => {
  it('turns commands into methods of the same names that run through the runner', async () => {
    const runner = createCommandRunner({ storage });
    const math = bindCommands(runner, { double, greet });
    const actor = { id: 'root', roles: ['admin'] };
    expect(await math.double({ value: 21 }, { actor })).toEqual({ doubled: 42 });
    expect(await math.greet({ name: 'Ada' }, { actor })).toBe('hello Ada from root');
    expect(Object.isFrozen(math)).toBe(true);
  });

  it('keeps the runner rules: validation and authorisation', async () => {
    const runner = createCommandRunner({ storage });
    const math = bindCommands(runner, { double });
    await expect(
      math.double({ value: 1.5 }, { actor: { id: 'root', roles: ['admin'] } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(math.double({ value: 1 }, { actor: { id: 'c', roles: ['cashier'] } })).rejects.toMatchObject(
      {
        code: 'FORBIDDEN',
      },
    );
  });
});
