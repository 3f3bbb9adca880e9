import { RetailKitError } from '../errors/retailkit-error.js';
import type { CoreRepositories, StorageAdapter, TransactionOptions } from './storage-adapter.js';

// Marks wrappers through the global symbol registry, so a wrapper made by another copy of this
// package (the ESM and CJS builds side by side) is recognised too; the WeakMap below cannot see it.
const RUNTIME = Symbol.for('retailkit.runtime-storage');
// One wrapper per adapter, so a runner and an outbox consumer over the same adapter share one
// init() and one close().
const wrappers = new WeakMap<object, StorageAdapter<never>>();

/**
 * Wraps any adapter with the behaviour every backend needs once, not copied into each: lazy
 * `init()` (retried after a failure), a guard against use after `close()`, and a `close()` that
 * waits for in-flight transactions. Wrapping an adapter (or a wrapper) again returns the same
 * wrapper. A transaction requested before `close()` still runs; one requested after is refused.
 */
export function createRuntimeStorage<R extends CoreRepositories>(
  adapter: StorageAdapter<R>,
): StorageAdapter<R> {
  if ((adapter as unknown as Record<symbol, unknown>)[RUNTIME] === true) return adapter;
  const existing = wrappers.get(adapter) as StorageAdapter<R> | undefined;
  if (existing) return existing;

  let initialising: Promise<void> | undefined;
  // Once init has succeeded (or when there is none), transactions skip the extra promise hop.
  let ready = adapter.init === undefined;
  let closing: Promise<void> | undefined;
  // A count, not a set of promises: close() only needs to know when the last one settles.
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const settled = () => {
    inFlight -= 1;
    if (inFlight === 0) drained?.();
  };

  const closedError = () =>
    new RetailKitError('STORAGE_CLOSED', `Storage ${adapter.name} is closed`, {
      details: { adapter: adapter.name },
    });

  const init = (): Promise<void> => {
    if (closing) return Promise.reject(closedError());
    if (!adapter.init) return Promise.resolve();
    initialising ??= adapter.init().then(
      () => {
        ready = true;
      },
      (error: unknown) => {
        initialising = undefined;
        throw error;
      },
    );
    return initialising;
  };

  const runtime: StorageAdapter<R> = {
    name: adapter.name,
    init,
    transaction<T>(fn: (tx: R) => Promise<T>, options?: TransactionOptions): Promise<T> {
      // Reject rather than throw: callers chaining `.catch()` on the promise must see it too.
      if (closing) return Promise.reject(closedError());
      let run: Promise<T>;
      if (ready) {
        try {
          // Promise.resolve returns a native promise as it is; it only wraps a stray thenable.
          run = Promise.resolve(adapter.transaction(fn, options));
        } catch (error) {
          run = Promise.reject(error);
        }
      } else {
        run = init().then(() => adapter.transaction(fn, options));
      }
      inFlight += 1;
      run.then(settled, settled);
      return run;
    },
    close(): Promise<void> {
      closing ??= (async () => {
        // A pending init (called directly, or by a transaction) must not race the adapter's close.
        if (inFlight > 0) {
          await new Promise<void>((resolve) => {
            drained = resolve;
          });
        }
        await Promise.allSettled([initialising]);
        await adapter.close();
      })();
      return closing;
    },
  };
  Object.defineProperty(runtime, RUNTIME, { value: true });
  wrappers.set(adapter, runtime as unknown as StorageAdapter<never>);
  return runtime;
}
