import { RetailKitError } from '../errors/retailkit-error.js';
import type { CoreRepositories, StorageAdapter, TransactionOptions } from './storage-adapter.js';

const RUNTIME = Symbol.for('retailkit.runtime-storage');

/**
 * Wraps any adapter with the behaviour every backend needs once, not copied into each: lazy
 * `init()` (retried after a failure), a guard against use after `close()`, and a `close()` that
 * waits for in-flight transactions. Wrapping twice returns the same wrapper.
 */
export function createRuntimeStorage<R extends CoreRepositories>(
  adapter: StorageAdapter<R>,
): StorageAdapter<R> {
  if ((adapter as unknown as Record<symbol, unknown>)[RUNTIME] === true) return adapter;

  let initialising: Promise<void> | undefined;
  let closing: Promise<void> | undefined;
  const inFlight = new Set<Promise<unknown>>();

  const ensureOpen = () => {
    if (closing) {
      throw new RetailKitError('STORAGE_CLOSED', `Storage ${adapter.name} is closed`, {
        details: { adapter: adapter.name },
      });
    }
  };

  const init = (): Promise<void> => {
    if (!adapter.init) return Promise.resolve();
    initialising ??= adapter.init().catch((error: unknown) => {
      initialising = undefined;
      throw error;
    });
    return initialising;
  };

  const runtime: StorageAdapter<R> = {
    name: adapter.name,
    init,
    transaction<T>(fn: (tx: R) => Promise<T>, options?: TransactionOptions): Promise<T> {
      ensureOpen();
      const run = init().then(() => {
        ensureOpen();
        return adapter.transaction(fn, options);
      });
      inFlight.add(run);
      const forget = () => inFlight.delete(run);
      run.then(forget, forget);
      return run;
    },
    close(): Promise<void> {
      closing ??= (async () => {
        await Promise.allSettled([...inFlight]);
        await adapter.close();
      })();
      return closing;
    },
  };
  Object.defineProperty(runtime, RUNTIME, { value: true });
  return runtime;
}
