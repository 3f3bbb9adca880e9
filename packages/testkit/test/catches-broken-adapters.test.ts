import type { CoreRepositories, IdempotencyRecord, OutboxEvent, StorageAdapter } from '@retailkit/core';
import { createMemoryStorage } from '@retailkit/storage-memory';
import { describe, expect, it } from 'vitest';
import { CORE_CONFORMANCE_IDS, conformanceCases, runConformanceCase } from '../src/index.js';

/** An adapter that forgets to roll back: a throwing callback's writes are committed anyway. */
function forgetsRollback(): StorageAdapter {
  const inner = createMemoryStorage();
  return {
    name: 'forgets-rollback',
    async transaction<T>(fn: (tx: CoreRepositories) => Promise<T>): Promise<T> {
      let failure: { error: unknown } | undefined;
      const result = await inner.transaction(async (tx) => {
        try {
          return await fn(tx);
        } catch (error) {
          failure = { error };
          return undefined as T;
        }
      });
      if (failure) throw failure.error;
      return result;
    },
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
      async find(command, key) {
        return records.get(`${command}/${key}`);
      },
      async insert(record) {
        await tick();
        records.set(`${record.command}/${record.key}`, record);
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

async function failures(create: () => StorageAdapter): Promise<string[]> {
  const failed: string[] = [];
  for (const check of conformanceCases) {
    try {
      await runConformanceCase(check, { create });
    } catch {
      failed.push(check.id);
    }
  }
  return failed;
}

describe('the conformance suite', () => {
  it('passes on the in-memory adapter', async () => {
    expect(await failures(() => createMemoryStorage())).toEqual([]);
  });

  it('catches an adapter that forgets to roll back', async () => {
    const failed = await failures(forgetsRollback);
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
    const failed = await failures(racy);
    expect(failed).toEqual(
      expect.arrayContaining([
        'core.transaction.no-lost-update',
        'core.idempotency.concurrent-duplicates-run-once',
      ]),
    );
  });

  it('gives every check a unique, stable id', () => {
    const ids = conformanceCases.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+\.[a-z-]+\.[a-z-]+$/);
    expect(ids).toEqual([...CORE_CONFORMANCE_IDS]);
  });
});
