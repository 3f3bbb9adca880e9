import { type CoreRepositories, RetailKitError, type StorageAdapter } from '@retailkit/core';
import { snapshotIdempotency } from './snapshot-idempotency.js';
import { snapshotOutbox } from './snapshot-outbox.js';
import { emptySnapshot, type SnapshotState } from './snapshot-state.js';

/** Options of {@link createSnapshotStorage}. */
export interface SnapshotStorageOptions {
  /** The state to start from, e.g. parsed from a file an `onCommit` hook wrote; default empty. */
  readonly initial?: SnapshotState;
  /**
   * Called with (a copy of) the new state before it replaces the old one, e.g. to write it to a
   * file. If it throws, the transaction rolls back and rejects with its error.
   */
  readonly onCommit?: (state: SnapshotState) => void | Promise<void>;
}

/**
 * A storage adapter for the core repositories (idempotency and outbox) whose whole state is one
 * plain object. Each transaction works on a deep copy of the state, and the copy replaces the
 * state when the callback resolves: a throw simply drops the copy, so all-or-nothing comes for
 * free. Transactions run one at a time, in arrival order, so none can lose another's update and
 * every transaction (read-only or not) reads one consistent snapshot. A transaction must not open
 * another one on the same storage: it would wait for itself.
 *
 * Copying the state per transaction makes this O(size of the state) per transaction: fine for
 * tests, demos and small tools, not for a shop's history.
 */
export function createSnapshotStorage(
  options: SnapshotStorageOptions = {},
): StorageAdapter<CoreRepositories> {
  let state = structuredClone(options.initial ?? emptySnapshot());
  // The mutex: each transaction starts when the previous one has settled, whatever its outcome.
  let queue: Promise<unknown> = Promise.resolve();

  async function runTransaction<T>(fn: (tx: CoreRepositories) => Promise<T>): Promise<T> {
    const draft = structuredClone(state);
    let open = true;
    const assertOpen = () => {
      if (!open) throw new RetailKitError('TRANSACTION_CLOSED', 'The snapshot transaction has ended');
    };
    let result: T;
    try {
      result = await fn({
        idempotency: snapshotIdempotency(draft, assertOpen),
        outbox: snapshotOutbox(draft, assertOpen),
      });
    } finally {
      // Closed before the commit, so a stray write the callback did not await cannot slip in.
      open = false;
    }
    await options.onCommit?.(structuredClone(draft));
    state = draft;
    return result;
  }

  return {
    name: 'snapshot',
    transaction<T>(fn: (tx: CoreRepositories) => Promise<T>): Promise<T> {
      const run = queue.then(() => runTransaction(fn));
      queue = run.catch(() => {});
      return run;
    },
    async close() {
      // Nothing to release; let the queued transactions finish.
      await queue;
    },
  };
}
