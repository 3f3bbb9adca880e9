import { RetailKitError } from '@retailkit/core';

/**
 * The undo log of one in-memory transaction. Every write registers how to revert it; a throw
 * anywhere in the callback replays the log backwards, so nothing of the transaction remains.
 */
export class MemoryTransaction {
  // Allocated on first use: most transactions register no commit effects, some no writes at all.
  #undo: (() => void)[] | undefined;
  #afterCommit: (() => void)[] | undefined;
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
    if (this.#undo === undefined) this.#undo = [undo];
    else this.#undo.push(undo);
  }

  /** Registers work to run once the transaction has committed. */
  onCommit(effect: () => void): void {
    if (this.#afterCommit === undefined) this.#afterCommit = [effect];
    else this.#afterCommit.push(effect);
  }

  /** Ends the transaction, keeping its writes. */
  commit(): void {
    this.#open = false;
    this.#undo = undefined;
    const effects = this.#afterCommit;
    if (effects === undefined) return;
    for (const effect of effects) effect();
    this.#afterCommit = undefined;
  }

  /** Ends the transaction, reverting its writes newest first. */
  rollback(): void {
    this.#open = false;
    const undo = this.#undo;
    this.#undo = undefined;
    this.#afterCommit = undefined;
    if (undo === undefined) return;
    for (let i = undo.length - 1; i >= 0; i--) undo[i]?.();
  }
}
