import { frozenCopy } from './frozen-copy.js';
import type { MemoryTransaction } from './memory-transaction.js';

/**
 * A keyed table whose writes are undone when their transaction rolls back. Rows are stored as
 * frozen deep copies, so a caller mutating an object it wrote or read cannot change the
 * stored row behind the transaction's back.
 */
export class MemoryTable<K, V> {
  readonly #rows = new Map<K, V>();

  /** The row under `key`, if any. */
  get(tx: MemoryTransaction, key: K): V | undefined {
    tx.assertOpen();
    return this.#rows.get(key);
  }

  /** Whether a row exists under `key`. */
  has(tx: MemoryTransaction, key: K): boolean {
    tx.assertOpen();
    return this.#rows.has(key);
  }

  /** Inserts or replaces the row under `key`. */
  set(tx: MemoryTransaction, key: K, value: V): void {
    tx.assertOpen();
    const previous = this.#rows.get(key);
    const had = previous !== undefined || this.#rows.has(key);
    this.#rows.set(key, frozenCopy(value));
    tx.onRollback(() => {
      if (had) this.#rows.set(key, previous as V);
      else this.#rows.delete(key);
    });
  }

  /** Deletes the row under `key`, if any. */
  delete(tx: MemoryTransaction, key: K): void {
    tx.assertOpen();
    if (!this.#rows.has(key)) return;
    const previous = this.#rows.get(key) as V;
    this.#rows.delete(key);
    tx.onRollback(() => this.#rows.set(key, previous));
  }

  /** Every key and row, in insertion order (a snapshot, safe to delete from while iterating). */
  entries(tx: MemoryTransaction): [K, V][] {
    tx.assertOpen();
    return [...this.#rows.entries()];
  }

  /** Every row, in insertion order. */
  values(tx: MemoryTransaction): IterableIterator<V> {
    tx.assertOpen();
    return this.#rows.values();
  }

  /** The number of rows. */
  size(tx: MemoryTransaction): number {
    tx.assertOpen();
    return this.#rows.size;
  }
}
