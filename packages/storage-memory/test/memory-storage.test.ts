import { type CoreRepositories, isRetailKitError } from '@retailkit/core';
import { aDomainEvent } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../src/index.js';

describe('createMemoryStorage', () => {
  it('stores a copy: mutating an object after writing it changes nothing stored', async () => {
    const storage = createMemoryStorage();
    const payload = { lines: [{ sku: 'A', quantity: 1 }] };
    await storage.transaction((tx) => tx.outbox.append([aDomainEvent({ id: 'e1', stream: 's', payload })]));
    payload.lines[0]!.quantity = 99;
    const [stored] = await storage.transaction((tx) => tx.outbox.readStream('s'));
    expect(stored?.payload).toEqual({ lines: [{ sku: 'A', quantity: 1 }] });
  });

  it('hands out frozen rows, so a reader cannot change them in place', async () => {
    const storage = createMemoryStorage();
    await storage.transaction((tx) =>
      tx.outbox.append([aDomainEvent({ id: 'e1', stream: 's', payload: { lines: [{ quantity: 1 }] } })]),
    );
    const [stored] = await storage.transaction((tx) => tx.outbox.readStream('s'));
    const lines = (stored!.payload as { lines: { quantity: number }[] }).lines;
    expect(() => {
      lines[0]!.quantity = 5;
    }).toThrow(TypeError);
  });

  it('refuses a transaction handle used after its transaction finished', async () => {
    const storage = createMemoryStorage();
    let leaked: CoreRepositories | undefined;
    await storage.transaction(async (tx) => {
      leaked = tx;
    });
    const error = await leaked!.outbox
      .append([aDomainEvent({ id: 'late', stream: 's', payload: {} })])
      .catch((e: unknown) => e);
    expect(isRetailKitError(error, 'TRANSACTION_CLOSED')).toBe(true);
    expect(await storage.transaction((tx) => tx.outbox.readStream('s'))).toEqual([]);
  });

  it('runs transactions one at a time, in arrival order', async () => {
    const storage = createMemoryStorage();
    const log: string[] = [];
    const slow = storage.transaction(async () => {
      log.push('slow:start');
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push('slow:end');
    });
    const fast = storage.transaction(async () => {
      log.push('fast');
    });
    await Promise.all([slow, fast]);
    expect(log).toEqual(['slow:start', 'slow:end', 'fast']);
  });

  it('keeps running after a failed transaction', async () => {
    const storage = createMemoryStorage();
    await expect(storage.transaction(async () => Promise.reject(new Error('nope')))).rejects.toThrow('nope');
    await storage.transaction((tx) =>
      tx.outbox.append([aDomainEvent({ id: 'e2', stream: 's', payload: {} })]),
    );
    expect(await storage.transaction((tx) => tx.outbox.readStream('s'))).toHaveLength(1);
  });
});
