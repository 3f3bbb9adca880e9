import type {
  CoreRepositories,
  IdempotencyRecord,
  IdempotencyScope,
  OutboxEvent,
  StorageAdapter,
} from '@retailkit/core';
import { createMemoryStorage } from '@retailkit/storage-memory';
import { describe, expect, it } from 'vitest';
import { CORE_CONFORMANCE_IDS, conformanceCases, OUTBOX_CONFORMANCE_IDS } from '../src/index.js';
import { failedChecks, forgetsRollback } from './support/broken-adapters.js';

const keyOf = (scope: IdempotencyScope) => `${scope.storeId}/${scope.command}/${scope.key}`;

/** An adapter that ignores a second claim of a key (like `ON CONFLICT DO NOTHING`). */
function ignoresDuplicateClaims(): StorageAdapter {
  const inner = createMemoryStorage();
  return {
    name: 'ignores-duplicate-claims',
    transaction: (fn) =>
      inner.transaction((tx) =>
        fn({
          ...tx,
          idempotency: {
            ...tx.idempotency,
            claim: (record) => tx.idempotency.claim(record).catch(() => undefined),
          },
        }),
      ),
    close: () => inner.close(),
  };
}

/** An adapter with no isolation: it reads, yields, then writes, so concurrent writers collide. */
function racy(): StorageAdapter {
  const events: OutboxEvent[] = [];
  const records = new Map<string, IdempotencyRecord>();
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  const repositories: CoreRepositories = {
    idempotency: {
      async find(scope) {
        return records.get(keyOf(scope));
      },
      async claim(record) {
        await tick();
        records.set(keyOf(record), { ...record, result: null });
      },
      async complete(scope, result) {
        const record = records.get(keyOf(scope));
        if (record) records.set(keyOf(scope), { ...record, result });
      },
      async purge() {
        return 0;
      },
    },
    outbox: {
      async append(drafts) {
        for (const draft of drafts) {
          const seq = events.filter((event) => event.stream === draft.stream).length + 1;
          const position = events.length + 1;
          await tick();
          events.push({ ...draft, streamSeq: seq, position });
        }
      },
      async claim() {
        return [];
      },
      async ack() {},
      async readStream(stream) {
        return events.filter((event) => event.stream === stream);
      },
    },
  };
  return { name: 'racy', transaction: (fn) => fn(repositories), close: async () => {} };
}

describe('the conformance suite', () => {
  it('passes on the in-memory adapter', async () => {
    expect(await failedChecks(() => createMemoryStorage())).toEqual([]);
  });

  it('catches an adapter that forgets to roll back', async () => {
    const failed = await failedChecks(forgetsRollback);
    expect(failed).toEqual(
      expect.arrayContaining([
        'core.transaction.throw-rolls-back',
        'core.transaction.async-throw-rolls-back',
        'core.outbox.only-committed-events',
        'core.conflict.retries-whole-command',
        'core.conflict.gives-up-after-max-attempts',
        'core.model.random-command-sequences',
      ]),
    );
  });

  it('catches an adapter that loses concurrent updates', async () => {
    const failed = await failedChecks(racy);
    expect(failed).toEqual(
      expect.arrayContaining([
        'core.transaction.no-lost-update',
        'core.idempotency.concurrent-duplicates-run-once',
      ]),
    );
  });

  it('catches an adapter that ignores a second claim of an idempotency key', async () => {
    expect(await failedChecks(ignoresDuplicateClaims)).toEqual(['core.idempotency.second-claim-conflicts']);
  });

  it('gives every check a unique, stable id', () => {
    const ids = conformanceCases.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+\.[a-z-]+\.[a-z-]+$/);
    expect(ids).toEqual([...CORE_CONFORMANCE_IDS, ...OUTBOX_CONFORMANCE_IDS]);
  });
});
