import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rejection } from '../../test/support/catch-error.js';
import { unused, unusedRepository } from '../../test/support/unused.js';
import type { Policy } from '../access/policy.js';
import { FakeClock } from '../clock/clock.js';
import { isRetailKitError } from '../errors/retailkit-error.js';
import type { CoreRepositories, StorageAdapter } from '../storage/storage-adapter.js';
import { defineCommand } from './command-definition.js';
import { createCommandRunner } from './command-runner.js';

/** An adapter that counts transactions; appended events are dropped, nothing else is expected. */
function countingStorage() {
  let transactions = 0;
  const storage: StorageAdapter = {
    name: 'counting',
    async transaction<T>(fn: (tx: CoreRepositories) => Promise<T>) {
      transactions += 1;
      const outbox = { append: async () => {}, claim: unused, ack: unused, readStream: unused };
      return fn({ idempotency: unusedRepository(), outbox });
    },
    async close() {},
  };
  return { storage, transactions: () => transactions };
}

const touchStores = defineCommand({
  name: 'test.touch',
  permission: 'test.touch',
  input: z.object({ stores: z.array(z.string()) }),
  storeId: (input) => input.stores,
  handler: async () => 'touched',
});

describe('command runner fast paths', () => {
  it('waits for each answer of an asynchronous policy, and refuses before opening a transaction', async () => {
    const asked: string[] = [];
    const policy: Policy = {
      async authorize({ storeId }) {
        asked.push(storeId ?? 'chain');
        await new Promise((resolve) => setTimeout(resolve, 1));
        return storeId === 'store-b' ? { allowed: false, reason: 'not in store-b' } : { allowed: true };
      },
    };
    const fake = countingStorage();
    const runner = createCommandRunner({ storage: fake.storage, policy, clock: new FakeClock() });
    const actor = { id: 'ada', roles: ['admin'] };

    expect(await runner.execute(touchStores, { stores: ['store-a'] }, { actor })).toBe('touched');
    const error = await rejection(runner.execute(touchStores, { stores: ['store-a', 'store-b'] }, { actor }));
    expect(isRetailKitError(error, 'FORBIDDEN')).toBe(true);
    expect((error as Error).message).toBe('Forbidden: not in store-b');
    expect(asked).toEqual(['store-a', 'store-a', 'store-b']);
    expect(fake.transactions()).toBe(1);
  });

  it('takes event times from the clock of each command, also from a Date subclass', async () => {
    class LocalDate extends Date {
      override toISOString(): string {
        return `local:${this.getTime()}`;
      }
    }
    let next: Date = new Date('2025-03-01T12:00:00Z');
    const runner = createCommandRunner({ storage: countingStorage().storage, clock: { now: () => next } });
    const emit = defineCommand({
      name: 'test.emit',
      permission: 'test.emit',
      input: z.object({}),
      handler: async (ctx) => ctx.emit({ type: 'test.emitted', stream: 's', payload: null }).occurredAt,
    });
    const actor = { id: 'ada', roles: ['admin'] };
    const times = [];
    for (const at of [
      next,
      new Date('2025-03-01T12:00:01Z'),
      new LocalDate(0),
      new Date('2025-03-01T12:00:01Z'),
    ]) {
      next = at;
      times.push(await runner.execute(emit, {}, { actor }));
    }
    expect(times).toEqual([
      '2025-03-01T12:00:00.000Z',
      '2025-03-01T12:00:01.000Z',
      'local:0',
      '2025-03-01T12:00:01.000Z',
    ]);
  });
});
