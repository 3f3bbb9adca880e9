import { aDomainEvent } from '@retailkit/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlStorage } from '../src/index.js';
import { SQL_TARGETS } from './support/sql-targets.js';
import { targetRuns } from './support/target-suite.js';

const scope = { storeId: null, command: 'test.swallow', key: 'swallowed' };

/** Transaction outcomes the conformance suite cannot provoke: a statement error the callback swallows. */
for (const target of SQL_TARGETS) {
  if (!targetRuns(target)) continue;
  describe(`SQL transactions: ${target.name}`, () => {
    let storage: SqlStorage;
    beforeAll(async () => {
      storage = await target.create();
      await storage.init?.();
    });
    afterAll(async () => {
      await target.teardown(storage);
    });

    it('resolves only when its writes committed, even if the callback swallowed a statement error', async () => {
      const outcome = await storage
        .transaction(async (tx) => {
          await tx.idempotency.claim({ ...scope, requestHash: 'h', actorId: 'a', createdAt: new Date(0) });
          // PostgreSQL refuses \u0000 in jsonb, and then aborts the whole transaction.
          await tx.outbox.append([aDomainEvent({ stream: 'swallow', payload: { text: 'nul \u0000' } })]);
          await tx.outbox.readStream('swallow').catch(() => undefined);
          return 'done';
        })
        .then(
          () => 'resolved',
          () => 'rejected',
        );
      const claimed = await storage.transaction((tx) => tx.idempotency.find(scope));
      expect({ outcome, committed: claimed !== undefined }).toEqual({
        outcome,
        committed: outcome === 'resolved',
      });
    });
  });
}
