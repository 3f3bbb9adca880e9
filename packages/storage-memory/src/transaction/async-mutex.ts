/** A FIFO lock: one transaction at a time, in arrival order, so none loses an update. */
export class AsyncMutex {
  #held = false;
  // A queue of waiters; `#head` moves forward instead of shifting the array on every release.
  #waiters: (() => void)[] = [];
  #head = 0;

  /** Runs `fn` once every earlier holder has finished. */
  async runExclusive<T>(fn: () => Promise<T>): Promise<T> {
    // Uncontended (the usual case): take the lock without allocating a promise to wait on.
    if (this.#held) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    else this.#held = true;
    try {
      return await fn();
    } finally {
      this.#release();
    }
  }

  #release(): void {
    if (this.#head === this.#waiters.length) {
      this.#held = false;
      return;
    }
    // Hand the lock straight to the next waiter: `#held` stays true, so a newcomer queues behind it.
    const next = this.#waiters[this.#head] as () => void;
    this.#waiters[this.#head] = served;
    this.#head += 1;
    if (this.#head === this.#waiters.length) {
      this.#waiters = [];
      this.#head = 0;
    } else if (this.#head >= 1024 && this.#head * 2 >= this.#waiters.length) {
      // Under constant contention the queue never empties: drop the served prefix now and then.
      this.#waiters = this.#waiters.slice(this.#head);
      this.#head = 0;
    }
    next();
  }
}

/** Stands in for a waiter that has been let in, so the queue does not keep it alive. */
function served(): void {}
