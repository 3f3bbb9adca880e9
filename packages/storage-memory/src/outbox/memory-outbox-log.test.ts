import { aDomainEvent } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { MemoryTransaction } from '../transaction/memory-transaction.js';
import { MemoryOutboxLog } from './memory-outbox-log.js';

const lease = { now: 0, until: 60_000 };

/** Runs `work` in a transaction that commits, or rolls back when `rollback` is set. */
function inTransaction(work: (tx: MemoryTransaction) => void, rollback = false): void {
  const tx = new MemoryTransaction();
  work(tx);
  if (rollback) tx.rollback();
  else tx.commit();
}

const claimedIds = (log: MemoryOutboxLog, consumer: string) => {
  let ids: string[] = [];
  inTransaction((tx) => {
    ids = log.claim(tx, consumer, 100, lease.now, lease.until).map((event) => event.id);
  }, true);
  return ids;
};

describe('MemoryOutboxLog', () => {
  it('acknowledges known events, appended before or after an earlier ack, and ignores unknown ids', () => {
    const log = new MemoryOutboxLog();
    inTransaction((tx) => log.append(tx, [aDomainEvent({ id: 'e1' }), aDomainEvent({ id: 'e2' })]));
    inTransaction((tx) => log.ack(tx, 'c', ['e1', 'ghost']));
    inTransaction((tx) => log.append(tx, [aDomainEvent({ id: 'e3' })]));
    inTransaction((tx) => log.ack(tx, 'c', ['e3']));
    expect(claimedIds(log, 'c')).toEqual(['e2']);
  });

  it('forgets a rolled-back event, even one an ack in its transaction had already seen', () => {
    const log = new MemoryOutboxLog();
    inTransaction((tx) => log.append(tx, [aDomainEvent({ id: 'e1' })]));
    inTransaction((tx) => {
      log.append(tx, [aDomainEvent({ id: 'e2' })]);
      log.ack(tx, 'c', ['e2']);
    }, true);
    // e2 is unknown now: acknowledging it records nothing, and a later e2 is a new event.
    inTransaction((tx) => log.ack(tx, 'c', ['e2']));
    inTransaction((tx) => log.append(tx, [aDomainEvent({ id: 'e2' })]));
    expect(claimedIds(log, 'c')).toEqual(['e1', 'e2']);
    expect(log.events.map((event) => [event.id, event.position])).toEqual([
      ['e1', 1],
      ['e2', 2],
    ]);
  });
});
