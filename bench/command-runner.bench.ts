import { createCommandRunner, defineCommand, FakeClock, uuidV7Ids } from '@retailkit/core';
import { createMemoryStorage } from '@retailkit/storage-memory';
import { bench, describe } from 'vitest';
import { z } from 'zod';

// One command = validate, authorise, idempotency lookup + insert, one event into the outbox, in a
// transaction. The baseline does the same bookkeeping in plain JS with no validation, policy or
// transaction, so the ratio is the price of those guarantees.

const recordNote = defineCommand({
  name: 'bench.record-note',
  permission: 'bench.write',
  input: z.object({ storeId: z.string().min(1), text: z.string() }),
  storeId: (input) => input.storeId,
  handler: async (ctx, input) => {
    const event = ctx.emit({
      type: 'bench.noted',
      stream: `store:${input.storeId}`,
      storeId: input.storeId,
      payload: { text: input.text },
    });
    return { id: event.id };
  },
});

const clock = new FakeClock();
const runner = createCommandRunner({ storage: createMemoryStorage(), clock });
const actor = { id: 'bench', roles: ['admin'] };
let n = 0;

const idempotency = new Map<string, { hash: string; result: unknown }>();
const outbox: { id: string; stream: string; seq: number; payload: unknown }[] = [];
const seqs = new Map<string, number>();
let m = 0;

describe('one command with an idempotency key and one event', () => {
  bench('retailkit: runner on storage-memory', async () => {
    n += 1;
    await runner.execute(recordNote, { storeId: 's1', text: `n${n}` }, { actor, idempotencyKey: `k${n}` });
  });

  bench('baseline: plain Map + array', async () => {
    m += 1;
    const key = `bench.record-note\u0000k${m}`;
    if (idempotency.has(key)) return;
    const stream = 'store:s1';
    const seq = (seqs.get(stream) ?? 0) + 1;
    seqs.set(stream, seq);
    const id = uuidV7Ids.next();
    outbox.push({ id, stream, seq, payload: { text: `n${m}` } });
    idempotency.set(key, { hash: `n${m}`, result: { id } });
  });
});

// The same command without a key: what every command pays (validation, policy, transaction,
// outbox), without the request hash and the idempotency record.
const plainRunner = createCommandRunner({ storage: createMemoryStorage(), clock });
const plainOutbox: { id: string; stream: string; seq: number; payload: unknown }[] = [];
const plainSeqs = new Map<string, number>();
let p = 0;
let q = 0;

describe('one command without an idempotency key, one event', () => {
  bench('retailkit: runner on storage-memory', async () => {
    p += 1;
    await plainRunner.execute(recordNote, { storeId: 's1', text: `n${p}` }, { actor });
  });

  bench('baseline: plain Map + array', async () => {
    q += 1;
    const stream = 'store:s1';
    const seq = (plainSeqs.get(stream) ?? 0) + 1;
    plainSeqs.set(stream, seq);
    plainOutbox.push({ id: uuidV7Ids.next(), stream, seq, payload: { text: `n${q}` } });
  });
});
