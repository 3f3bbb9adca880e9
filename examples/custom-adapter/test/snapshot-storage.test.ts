import { type CoreRepositories, isRetailKitError } from '@retailkit/core';
import { aDomainEvent, rejection, runStorageConformance } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import type { SnapshotState } from '../src/snapshot-state.js';
import { createSnapshotStorage } from '../src/snapshot-storage.js';

// Every core check of the suite, each on a fresh adapter: this is what proves an adapter.
runStorageConformance({ name: 'snapshot', create: () => createSnapshotStorage() });

describe('snapshot storage beyond the suite', () => {
  it('persists through onCommit as JSON and carries on from it', async () => {
    let file = '';
    const first = createSnapshotStorage({
      onCommit: (state) => {
        file = JSON.stringify(state);
      },
    });
    const scope = { storeId: 'store-1', command: 'c', key: 'k' };
    await first.transaction(async (tx) => {
      await tx.outbox.append([aDomainEvent({ stream: 'order:1' })]);
      await tx.idempotency.claim({ ...scope, requestHash: 'h', actorId: 'a', createdAt: new Date(0) });
      await tx.idempotency.complete(scope, { ok: true });
    });

    const second = createSnapshotStorage({ initial: JSON.parse(file) as SnapshotState });
    await second.transaction(async (tx) => {
      await tx.outbox.append([aDomainEvent({ stream: 'order:1' })]);
      expect((await tx.outbox.readStream('order:1')).map((event) => event.streamSeq)).toEqual([1, 2]);
      expect(await tx.idempotency.find(scope)).toMatchObject({
        result: { ok: true },
        createdAt: new Date(0),
      });
    });
  });

  it('rolls back a transaction whose onCommit fails', async () => {
    const failure = new Error('disk full');
    let diskFull = true;
    const storage = createSnapshotStorage({
      onCommit: () => {
        if (diskFull) throw failure;
      },
    });
    const append = storage.transaction((tx) => tx.outbox.append([aDomainEvent({ stream: 's' })]));
    expect(await rejection(append)).toBe(failure);
    diskFull = false;
    expect(await storage.transaction((tx) => tx.outbox.readStream('s'))).toEqual([]);
  });

  it('refuses a repository used after its transaction ended', async () => {
    const storage = createSnapshotStorage();
    const leaked = await storage.transaction(async (tx): Promise<CoreRepositories> => tx);
    const error = await rejection(leaked.outbox.readStream('s'));
    expect(isRetailKitError(error, 'TRANSACTION_CLOSED')).toBe(true);
  });
});
