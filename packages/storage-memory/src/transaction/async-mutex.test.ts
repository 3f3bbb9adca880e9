import { describe, expect, it } from 'vitest';
import { AsyncMutex } from './async-mutex.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AsyncMutex', () => {
  it('runs holders one at a time, in arrival order, across thousands of waiters', async () => {
    const mutex = new AsyncMutex();
    const order: number[] = [];
    let holding = 0;
    let mostAtOnce = 0;
    // More waiters than the queue keeps before it drops its served prefix.
    const runs = Array.from({ length: 3000 }, (_, i) =>
      mutex.runExclusive(async () => {
        holding += 1;
        mostAtOnce = Math.max(mostAtOnce, holding);
        if (i % 500 === 0) await tick();
        else await Promise.resolve();
        order.push(i);
        holding -= 1;
        return i;
      }),
    );
    expect(await Promise.all(runs)).toEqual(order);
    expect(order).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    expect(mostAtOnce).toBe(1);
  });

  it('passes the lock on when a holder throws, and rethrows its error', async () => {
    const mutex = new AsyncMutex();
    const failed = mutex.runExclusive(async () => {
      throw new Error('nope');
    });
    const next = mutex.runExclusive(async () => 'ran');
    await expect(failed).rejects.toThrow('nope');
    expect(await next).toBe('ran');
  });

  it('queues a newcomer behind a waiter that has been let in but not yet resumed', async () => {
    const mutex = new AsyncMutex();
    const order: string[] = [];
    let release!: () => void;
    const first = mutex.runExclusive(
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    );
    const second = mutex.runExclusive(async () => {
      order.push('second');
    });
    release();
    // Arrives after the hand-over to `second`, before `second` has run.
    const third = mutex.runExclusive(async () => {
      order.push('third');
    });
    await Promise.all([first, second, third]);
    expect(order).toEqual(['second', 'third']);
  });

  it('is free again once every holder has finished', async () => {
    const mutex = new AsyncMutex();
    await Promise.all([mutex.runExclusive(async () => 1), mutex.runExclusive(async () => 2)]);
    let ran = false;
    const later = mutex.runExclusive(async () => {
      ran = true;
    });
    // Uncontended: the holder starts at once.
    expect(ran).toBe(true);
    await later;
  });
});
