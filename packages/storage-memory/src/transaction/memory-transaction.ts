import { RetailKitError } from '@retailkit/core';

/**
 * The undo log of one in-memory transaction. Every write registers how to revert it; a throw
 * anywhere in the callback replays the log backwards, so nothing of the transaction remains.
 */
export class MemoryTransaction {
  #undo: (() => void)[] = [];
  #afterCommit: (() => void)[] = [];
  #open = true;

  /** Throws when the transaction has already committed or rolled back (a leaked handle). */
  assertOpen(): void {
    if (!this.#open) {
      throw new RetailKitError(
        'TRANSACTION_CLOSED',
        'This transaction has already finished; start a new one',
      );
    }
  }

  /** Registers how to revert a write that has just been applied. */
  onRollback(undo: () => void): void {
    this.#undo.push(undo);
  }

  /** Registers work to run once the transaction has committed. */
  onCommit(effect: () => void): void {
    this.#afterCommit.push(effect);
  }

  /** Ends the transaction, keeping its writes. */
  commit(): void {
    this.#open = false;
    this.#undo = [];
    for (const effect of this.#afterCommit) effect();
    this.#afterCommit = [];
  }

  /** Ends the transaction, reverting its writes newest first. */
  rollback(): void {
    this.#open = false;
    for (let i = this.#undo.length - 1; i >= 0; i--) this.#undo[i]?.();
    this.#undo = [];
    this.#afterCommit = [];
  }
}
