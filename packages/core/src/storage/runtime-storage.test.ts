import { describe, expect, it } from 'vitest';
import { rejection } from '../../test/support/catch-error.js';
import { unused } from '../../test/support/unused.js';
import { isRetailKitError } from '../errors/retailkit-error.js';
import { createRuntimeStorage } from './runtime-storage.js';
import type { CoreRepositories, StorageAdapter, TransactionOptions } from './storage-adapter.js';

const noRepositories: CoreRepositories = {
  idempotency: { find: unused, claim: unused, complete: unused, purge: unused },
  outbox: { append: unused, claim: unused, ack: unused, readStream: unused },
};

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets queued promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A fake adapter that records what the wrapper asks of it; `init` is scripted per call. */
function recordingAdapter(script: { init?: (call: number) => Promise<void> } = {}) {
  const calls: string[] = [];
  const options: (TransactionOptions | undefined)[] = [];
  let inits = 0;
  const adapter: StorageAdapter = {
    name: 'fake',
    transaction<T>(fn: (tx: CoreRepositories) => Promise<T>, transactionOptions?: TransactionOptions) {
      calls.push('transaction');
      options.push(transactionOptions);
      return fn(noRepositories);
    },
    async close() {
      calls.push('close');
    },
  };
  const { init } = script;
  if (init) {
    adapter.init = () => {
      inits += 1;
      calls.push('init');
      return init(inits);
    };
  }
  return { adapter, calls, options, inits: () => inits };
}

describe('createRuntimeStorage', () => {
  it('initialises lazily, once, before the first transaction, even for concurrent callers', async () => {
    const gate = deferred();
    const fake = recordingAdapter({ init: () => gate.promise });
    const storage = createRuntimeStorage(fake.adapter);
    expect(fake.calls).toEqual([]);

    const results = Promise.all([1, 2, 3].map((n) => storage.transaction(async () => n)));
    await settle();
    expect(fake.calls).toEqual(['init']);
    gate.resolve();
    expect(await results).toEqual([1, 2, 3]);
    await storage.transaction(async () => 4);
    expect(fake.inits()).toBe(1);
    expect(fake.calls).toEqual(['init', 'transaction', 'transaction', 'transaction', 'transaction']);
  });

  it('retries init after a failure, surfacing the failure unchanged meanwhile', async () => {
    const failure = new Error('migrations table locked');
    const fake = recordingAdapter({
      init: (call) => (call === 1 ? Promise.reject(failure) : Promise.resolve()),
    });
    const storage = createRuntimeStorage(fake.adapter);

    const [first, second] = await Promise.all([
      rejection(storage.transaction(async () => 'a')),
      rejection(storage.transaction(async () => 'b')),
    ]);
    expect(first).toBe(failure);
    expect(second).toBe(failure);
    expect(fake.calls).toEqual(['init']);

    expect(await storage.transaction(async () => 'c')).toBe('c');
    expect(fake.calls).toEqual(['init', 'init', 'transaction']);
  });

  it('runs transactions directly for an adapter without init', async () => {
    const fake = recordingAdapter();
    const storage = createRuntimeStorage(fake.adapter);
    await expect(storage.init?.()).resolves.toBeUndefined();
    expect(await storage.transaction(async () => 'ok')).toBe('ok');
  });

  it('passes transaction options through and returns results and errors unchanged', async () => {
    const fake = recordingAdapter();
    const storage = createRuntimeStorage(fake.adapter);
    const thrown = new Error('handler failed');
    expect(await storage.transaction(async () => ({ n: 1 }), { readOnly: true })).toEqual({ n: 1 });
    expect(
      await rejection(
        storage.transaction(async () => {
          throw thrown;
        }),
      ),
    ).toBe(thrown);
    expect(fake.options).toEqual([{ readOnly: true }, undefined]);
  });

  it('rejects transactions after close with STORAGE_CLOSED, without reaching the adapter', async () => {
    const fake = recordingAdapter();
    const storage = createRuntimeStorage(fake.adapter);
    await storage.close();

    // A rejected promise, not a synchronous throw, so `.catch()` chains see it.
    const attempt = storage.transaction(async () => 'late');
    const error = await rejection(attempt);
    expect(isRetailKitError(error, 'STORAGE_CLOSED')).toBe(true);
    expect((error as Error).message).toBe('Storage fake is closed');
    expect(fake.calls).toEqual(['close']);
  });

  it('waits for in-flight transactions before closing the adapter', async () => {
    const fake = recordingAdapter();
    const storage = createRuntimeStorage(fake.adapter);
    const slow = deferred<string>();
    const failing = deferred<string>();
    const inFlight = storage.transaction(() => slow.promise);
    const failingInFlight = rejection(storage.transaction(() => failing.promise));
    await settle();

    let closed = false;
    const closing = storage.close().then(() => {
      closed = true;
    });
    // Closing is requested: new work is refused at once, while old work carries on.
    expect(isRetailKitError(await rejection(storage.transaction(async () => 0)), 'STORAGE_CLOSED')).toBe(
      true,
    );
    failing.reject(new Error('rolled back'));
    await settle();
    expect(closed).toBe(false);
    expect(fake.calls).not.toContain('close');

    slow.resolve('committed');
    expect(await inFlight).toBe('committed');
    await closing;
    expect((await failingInFlight) as Error).toHaveProperty('message', 'rolled back');
    expect(fake.calls).toEqual(['transaction', 'transaction', 'close']);
  });

  it('waits for a pending init before closing the adapter', async () => {
    const gate = deferred();
    const fake = recordingAdapter({ init: () => gate.promise });
    const storage = createRuntimeStorage(fake.adapter);
    const initialising = storage.init?.();
    const closing = storage.close();
    await settle();
    expect(fake.calls).toEqual(['init']);
    gate.resolve();
    await Promise.all([initialising, closing]);
    expect(fake.calls).toEqual(['init', 'close']);
  });

  it('closes the adapter once however often close is called', async () => {
    const fake = recordingAdapter();
    const storage = createRuntimeStorage(fake.adapter);
    await Promise.all([storage.close(), storage.close()]);
    await storage.close();
    expect(fake.calls).toEqual(['close']);
  });

  it('returns the same wrapper when wrapping a wrapper, so init and close are not doubled', async () => {
    const fake = recordingAdapter({ init: async () => {} });
    const once = createRuntimeStorage(fake.adapter);
    const twice = createRuntimeStorage(once);
    expect(twice).toBe(once);
    expect(twice.name).toBe('fake');
    await once.transaction(async () => {});
    await twice.transaction(async () => {});
    expect(fake.inits()).toBe(1);
  });
  it('shares one wrapper per adapter, so a runner and a consumer run init once and close together', async () => {
    const fake = recordingAdapter({ init: async () => {} });
    const forRunner = createRuntimeStorage(fake.adapter);
    const forConsumer = createRuntimeStorage(fake.adapter);
    expect(forConsumer).toBe(forRunner);
    await Promise.all([forRunner.transaction(async () => {}), forConsumer.transaction(async () => {})]);
    await forConsumer.close();
    expect(fake.calls.filter((call) => call === 'init')).toHaveLength(1);
    expect(isRetailKitError(await rejection(forRunner.transaction(async () => 0)), 'STORAGE_CLOSED')).toBe(
      true,
    );
  });

  it('runs a transaction requested before close even while init is still pending', async () => {
    const gate = deferred();
    const fake = recordingAdapter({ init: () => gate.promise });
    const storage = createRuntimeStorage(fake.adapter);
    const queued = storage.transaction(async () => 'ran');
    const closing = storage.close();
    gate.resolve();
    expect(await queued).toBe('ran');
    await closing;
    expect(fake.calls).toEqual(['init', 'transaction', 'close']);
  });

  it('refuses init after close', async () => {
    const fake = recordingAdapter({ init: async () => {} });
    const storage = createRuntimeStorage(fake.adapter);
    await storage.close();
    expect(isRetailKitError(await rejection(storage.init?.() ?? Promise.resolve()), 'STORAGE_CLOSED')).toBe(
      true,
    );
    expect(fake.inits()).toBe(0);
  });
});
