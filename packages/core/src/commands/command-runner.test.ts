import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rejection, thrownBy, validationPaths } from '../../test/support/catch-error.js';
import { unused } from '../../test/support/unused.js';
import type { Actor } from '../access/actor.js';
import type { AuthorizationRequest, Policy } from '../access/policy.js';
import { createRbacPolicy } from '../access/rbac-policy.js';
import { type Clock, FakeClock } from '../clock/clock.js';
import { ConflictError, ForbiddenError } from '../errors/error-classes.js';
import { isRetailKitError } from '../errors/retailkit-error.js';
import type { DomainEvent } from '../events/domain-event.js';
import { sequentialIds } from '../ids/id-generator.js';
import type { JsonValue } from '../json.js';
import type { IdempotencyRecord, IdempotencyScope } from '../storage/idempotency-repository.js';
import type { CoreRepositories, StorageAdapter } from '../storage/storage-adapter.js';
import { defineCommand } from './command-definition.js';
import { type CommandRunnerOptions, createCommandRunner } from './command-runner.js';
import { requestHash } from './request-hash.js';
import type { RetryOptions } from './retry-options.js';

/**
 * A tiny transactional fake: writes are buffered and kept only when the callback resolves.
 * Stored results go through JSON, as a real backend would store them. `commitConflicts` makes
 * that many commits fail with a retryable ConflictError, like a serialization failure.
 */
const idOf = (scope: IdempotencyScope) => `${scope.storeId}/${scope.command}/${scope.key}`;

function fakeStorage(options: { commitConflicts?: number } = {}) {
  const records = new Map<string, IdempotencyRecord>();
  const outbox: DomainEvent[] = [];
  const log: ('commit' | 'rollback')[] = [];
  let commitConflicts = options.commitConflicts ?? 0;
  const storage: StorageAdapter = {
    name: 'fake',
    async transaction<T>(fn: (tx: CoreRepositories) => Promise<T>): Promise<T> {
      const pendingRecords = new Map<string, IdempotencyRecord>();
      const pendingEvents: DomainEvent[] = [];
      const tx: CoreRepositories = {
        idempotency: {
          async find(scope) {
            const id = idOf(scope);
            return pendingRecords.get(id) ?? records.get(id);
          },
          async claim(record) {
            if (records.has(idOf(record)) || pendingRecords.has(idOf(record)))
              throw new ConflictError('key taken');
            pendingRecords.set(idOf(record), { ...record, result: null });
          },
          async complete(scope, result) {
            const claimed = pendingRecords.get(idOf(scope));
            if (!claimed) throw new Error('completing a key that was not claimed');
            pendingRecords.set(idOf(scope), {
              ...claimed,
              result: JSON.parse(JSON.stringify(result)) as JsonValue,
            });
          },
          purge: unused,
        },
        outbox: {
          async append(events) {
            pendingEvents.push(...events);
          },
          claim: unused,
          ack: unused,
          readStream: unused,
        },
      };
      try {
        const result = await fn(tx);
        if (commitConflicts > 0) {
          commitConflicts -= 1;
          throw new ConflictError('could not serialize access');
        }
        for (const [id, record] of pendingRecords) records.set(id, record);
        outbox.push(...pendingEvents);
        log.push('commit');
        return result;
      } catch (error) {
        log.push('rollback');
        throw error;
      }
    },
    async close() {},
  };
  return { storage, records, outbox, log, transactions: () => log.length };
}

function recordingPolicy(inner: Policy = createRbacPolicy()) {
  const requests: AuthorizationRequest[] = [];
  const policy: Policy = {
    authorize(request) {
      requests.push(request);
      return inner.authorize(request);
    },
  };
  return { policy, requests };
}

const cashierOfA: Actor = { id: 'cara', roles: ['cashier'], storeIds: ['store-a'] };
const admin: Actor = { id: 'ada', roles: ['admin'] };

const reserve = defineCommand({
  name: 'inventory.reserve',
  permission: 'inventory.reserve',
  input: z.object({
    storeId: z.string().min(1),
    sku: z.string().trim().min(1),
    qty: z.number().int().positive().default(1),
  }),
  storeId: (input) => input.storeId,
  handler: async (ctx, input) => {
    ctx.emit({
      type: 'inventory.stock-reserved',
      stream: `sku:${input.sku}`,
      storeId: input.storeId,
      payload: { sku: input.sku, qty: input.qty },
    });
    return { reserved: input.qty };
  },
});

function setup(
  overrides: Partial<CommandRunnerOptions<CoreRepositories>> & { commitConflicts?: number } = {},
) {
  const { commitConflicts, ...options } = overrides;
  const fake = fakeStorage(commitConflicts === undefined ? {} : { commitConflicts });
  const recorded = recordingPolicy(options.policy);
  const clock = new FakeClock('2025-03-01T12:00:00Z');
  const sleeps: number[] = [];
  const retry: RetryOptions = {
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options.retry,
  };
  const runner = createCommandRunner({
    clock,
    ids: sequentialIds('evt'),
    ...options,
    storage: fake.storage,
    policy: recorded.policy,
    retry,
  });
  return { runner, clock, sleeps, requests: recorded.requests, ...fake };
}

/** A command whose handler throws the next queued error on each attempt, then succeeds. */
function failingThen(errors: unknown[]) {
  const attempts: number[] = [];
  const command = defineCommand({
    name: 'test.flaky',
    permission: 'test.flaky',
    input: z.object({}),
    handler: async (ctx) => {
      attempts.push(ctx.attempt);
      ctx.emit({ type: 'test.attempted', stream: 'flaky', payload: { attempt: ctx.attempt } });
      if (errors.length > 0) throw errors.shift();
      return { attempt: ctx.attempt };
    },
  });
  return { command, attempts };
}

describe('command runner: validate, then authorise, then transact', () => {
  it('rejects bad input with a ValidationError before asking the policy or opening a transaction', async () => {
    const t = setup();
    const error = await rejection(t.runner.run(reserve, { storeId: 'store-a', sku: '  ' }, { actor: admin }));
    expect(validationPaths(error)).toEqual(['sku']);
    expect((error as Error).message).toMatch(/^Invalid inventory\.reserve input: /);
    expect(t.requests).toEqual([]);
    expect(t.transactions()).toBe(0);
  });

  it('refuses with a ForbiddenError before opening a transaction', async () => {
    const t = setup();
    const error = await rejection(
      t.runner.run(reserve, { storeId: 'store-b', sku: 'A' }, { actor: cashierOfA }),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(isRetailKitError(error, 'FORBIDDEN')).toBe(true);
    expect((error as Error).message).toContain('store-b');
    expect(t.transactions()).toBe(0);
  });

  it('asks the policy with the actor, the permission and the store taken from the validated input', async () => {
    const t = setup();
    await t.runner.run(reserve, { storeId: 'store-a', sku: 'A' }, { actor: cashierOfA });
    const unbound = defineCommand({
      name: 'catalog.read-all',
      permission: 'catalog.read',
      input: z.object({}),
      handler: async () => 'ok',
    });
    await t.runner.run(unbound, {}, { actor: cashierOfA });
    expect(t.requests).toEqual([
      { actor: cashierOfA, permission: 'inventory.reserve', storeId: 'store-a' },
      { actor: cashierOfA, permission: 'catalog.read' },
    ]);
  });

  it('validates the actor and the idempotency key, naming the field', async () => {
    const t = setup();
    const input = { storeId: 'store-a', sku: 'A' };
    const badKey = await rejection(
      t.runner.run(reserve, input, { actor: admin, idempotencyKey: 'two words' }),
    );
    expect(validationPaths(badKey)).toEqual(['idempotencyKey']);
    expect((badKey as Error).message).toMatch(/^Invalid inventory\.reserve options: idempotencyKey: /);
    const badActor = await rejection(t.runner.run(reserve, input, { actor: { id: ' ', roles: ['admin'] } }));
    expect(validationPaths(badActor)).toEqual(['actor.id']);
    const noRoles = await rejection(t.runner.run(reserve, input, { actor: { id: 'x' } as unknown as Actor }));
    expect(validationPaths(noRoles)).toEqual(['actor.roles']);
    expect(t.requests).toEqual([]);
    expect(t.transactions()).toBe(0);
  });

  it('uses the default RBAC policy when none is given', async () => {
    const fake = fakeStorage();
    const runner = createCommandRunner({ storage: fake.storage });
    const adjust = defineCommand({
      name: 'inventory.adjust',
      permission: 'inventory.adjust',
      input: z.object({}),
      handler: async () => 'adjusted',
    });
    const error = await rejection(runner.execute(adjust, {}, { actor: { id: 'c', roles: ['cashier'] } }));
    expect(isRetailKitError(error, 'FORBIDDEN')).toBe(true);
    expect(await runner.execute(adjust, {}, { actor: { id: 'k', roles: ['clerk'] } })).toBe('adjusted');
  });

  it('rejects bad retry options when the runner is created', () => {
    expect(() => createCommandRunner({ storage: fakeStorage().storage, retry: { maxAttempts: 0 } })).toThrow(
      /Invalid retry options: maxAttempts/,
    );
  });
});

describe('command runner: events', () => {
  it('completes each event with id, time from the clock, actor, command, and defaults', async () => {
    const t = setup();
    const emitTwo = defineCommand({
      name: 'test.emit',
      permission: 'test.emit',
      input: z.object({}),
      handler: async (ctx) => {
        const first = ctx.emit({ type: 'test.first', stream: 's', payload: { n: 1 } });
        ctx.emit({ type: 'test.second', stream: 's', storeId: 'store-a', payload: [], schemaVersion: 3 });
        return first.id;
      },
    });
    const outcome = await t.runner.run(emitTwo, {}, { actor: admin });
    const common = {
      occurredAt: '2025-03-01T12:00:00.000Z',
      actorId: 'ada',
      command: 'test.emit',
      stream: 's',
    };
    expect(outcome.events).toEqual([
      { id: 'evt-000001', type: 'test.first', storeId: null, payload: { n: 1 }, schemaVersion: 1, ...common },
      { id: 'evt-000002', type: 'test.second', storeId: 'store-a', payload: [], schemaVersion: 3, ...common },
    ]);
    expect(outcome.result).toBe('evt-000001');
    expect(t.outbox).toEqual(outcome.events);
  });

  it('gives every event of one attempt the same now, taken once per attempt', async () => {
    let ticks = 0;
    const ticking: Clock = { now: () => new Date(Date.UTC(2025, 2, 1, 12, 0, ticks++)) };
    const t = setup({ clock: ticking });
    const seenNow: string[] = [];
    let conflicted = false;
    const command = defineCommand({
      name: 'test.now',
      permission: 'test.now',
      input: z.object({}),
      handler: async (ctx) => {
        seenNow.push(ctx.now.toISOString());
        ctx.emit({ type: 'test.a', stream: 's', payload: null });
        await Promise.resolve();
        ctx.emit({ type: 'test.b', stream: 's', payload: null });
        if (!conflicted) {
          conflicted = true;
          throw new ConflictError('try again');
        }
        return null;
      },
    });
    const outcome = await t.runner.run(command, {}, { actor: admin });
    expect(seenNow).toEqual(['2025-03-01T12:00:00.000Z', '2025-03-01T12:00:01.000Z']);
    expect(outcome.events.map((event) => event.occurredAt)).toEqual([
      '2025-03-01T12:00:01.000Z',
      '2025-03-01T12:00:01.000Z',
    ]);
  });
});

describe('command runner: errors and conflict retries', () => {
  it('rethrows a non-conflict error unchanged, without retrying', async () => {
    const t = setup();
    const failure = new Error('handler bug');
    const { command, attempts } = failingThen([failure]);
    expect(await rejection(t.runner.run(command, {}, { actor: admin }))).toBe(failure);
    expect(attempts).toEqual([1]);
    expect(t.sleeps).toEqual([]);
    expect(t.outbox).toEqual([]);
  });

  it('rethrows a non-retryable ConflictError unchanged, without retrying', async () => {
    const t = setup();
    const final = new ConflictError('order already shipped', { retryable: false });
    const { command, attempts } = failingThen([final]);
    expect(await rejection(t.runner.run(command, {}, { actor: admin }))).toBe(final);
    expect(attempts).toEqual([1]);
    expect(t.sleeps).toEqual([]);
  });

  it('re-runs the whole command after retryable conflicts, sleeping a doubling jittered backoff', async () => {
    const t = setup({ retry: { baseDelayMs: 2, maxDelayMs: 1000 } });
    const { command, attempts } = failingThen([1, 2, 3, 4].map((n) => new ConflictError(`conflict ${n}`)));
    const outcome = await t.runner.run(command, {}, { actor: admin });
    expect(attempts).toEqual([1, 2, 3, 4, 5]);
    expect(t.sleeps).toEqual([1, 2, 4, 8]);
    expect(outcome).toMatchObject({ result: { attempt: 5 }, attempts: 5, replayed: false });
    // Only the committed attempt's event reached the outbox.
    expect(t.outbox.map((event) => event.payload)).toEqual([{ attempt: 5 }]);
  });

  it('caps each backoff at maxDelayMs', async () => {
    const t = setup({ retry: { baseDelayMs: 2, maxDelayMs: 5 } });
    const { command } = failingThen([1, 2, 3, 4].map((n) => new ConflictError(`conflict ${n}`)));
    await t.runner.run(command, {}, { actor: admin });
    expect(t.sleeps).toEqual([1, 2, 2, 2]);
  });

  it('retries a conflict raised by the adapter at commit', async () => {
    const t = setup({ commitConflicts: 2 });
    const outcome = await t.runner.run(reserve, { storeId: 'store-a', sku: 'A' }, { actor: admin });
    expect(outcome.attempts).toBe(3);
    expect(t.log).toEqual(['rollback', 'rollback', 'commit']);
    expect(t.outbox).toHaveLength(1);
  });

  it('gives up after maxAttempts with a final ConflictError caused by the last conflict', async () => {
    const t = setup({ retry: { maxAttempts: 3 } });
    const conflicts = [1, 2, 3, 4].map((n) => new ConflictError(`conflict ${n}`, { details: { row: n } }));
    const { command, attempts } = failingThen([...conflicts]);
    const error = await rejection(t.runner.run(command, {}, { actor: admin }));
    expect(isRetailKitError(error, 'CONFLICT')).toBe(true);
    expect(error).toMatchObject({
      message: 'test.flaky gave up after 3 conflicting attempts: conflict 3',
      retryable: false,
      // The last conflict's own details are kept.
      details: { row: 3, command: 'test.flaky', attempts: 3 },
    });
    expect((error as Error).cause).toBe(conflicts[2]);
    expect(attempts).toEqual([1, 2, 3]);
    expect(t.sleeps).toEqual([1, 2]);
    expect(t.outbox).toEqual([]);
  });
});

describe('command runner: idempotency and results', () => {
  class Price {
    constructor(
      readonly amount: string,
      readonly currency: string,
    ) {}
    label(): string {
      return `${this.amount} ${this.currency}`;
    }
  }
  const quote = defineCommand({
    name: 'catalog.quote',
    permission: 'catalog.read',
    input: z.object({ sku: z.string() }),
    handler: async (_ctx, input) => ({ sku: input.sku, price: new Price('1.50', 'EUR') }),
    result: {
      encode: (result) => ({ sku: result.sku, amount: result.price.amount, currency: result.price.currency }),
      decode: (json) => {
        const { sku, amount, currency } = json as { sku: string; amount: string; currency: string };
        return { sku, price: new Price(amount, currency) };
      },
    },
  });

  it('replays a stored result through the command result codec', async () => {
    const t = setup();
    const first = await t.runner.run(quote, { sku: 'A' }, { actor: admin, idempotencyKey: 'q-1' });
    const again = await t.runner.run(quote, { sku: 'A' }, { actor: admin, idempotencyKey: 'q-1' });
    expect(first.replayed).toBe(false);
    expect(again.replayed).toBe(true);
    expect(again.events).toEqual([]);
    expect(again.result.price).toBeInstanceOf(Price);
    expect(again.result.price.label()).toBe('1.50 EUR');
    expect(again.result).toEqual(first.result);
    expect(t.records.get('null/catalog.quote/q-1')?.result).toEqual({
      sku: 'A',
      amount: '1.50',
      currency: 'EUR',
    });
  });

  it('stores who ran it, when, and the hash of the validated input', async () => {
    const t = setup();
    await t.runner.run(reserve, { storeId: 'store-a', sku: ' A ' }, { actor: admin, idempotencyKey: 'r-1' });
    expect(t.records.get('store-a/inventory.reserve/r-1')).toEqual({
      storeId: 'store-a',
      command: 'inventory.reserve',
      key: 'r-1',
      requestHash: await requestHash('inventory.reserve', { storeId: 'store-a', sku: 'A', qty: 1 }),
      result: { reserved: 1 },
      actorId: 'ada',
      createdAt: new Date('2025-03-01T12:00:00Z'),
    });
    // Raw inputs that validate to the same request are the same request.
    const again = await t.runner.run(
      reserve,
      { sku: 'A', qty: 1, storeId: 'store-a' },
      { actor: admin, idempotencyKey: 'r-1' },
    );
    expect(again.replayed).toBe(true);
    expect(t.outbox).toHaveLength(1);
  });

  it('execute returns just the result', async () => {
    const t = setup();
    expect(
      await t.runner.execute(reserve, { storeId: 'store-a', sku: 'A', qty: 2 }, { actor: admin }),
    ).toEqual({
      reserved: 2,
    });
  });
});

describe('store scoping across several stores', () => {
  const transfer = defineCommand({
    name: 'inventory.transfer',
    permission: 'inventory.transfer',
    input: z.object({ from: z.string(), to: z.string() }),
    storeId: (input) => [input.from, input.to],
    handler: async () => ({ ok: true }),
  });

  it('authorises the actor in every store the command touches, once per store', async () => {
    const { storage } = fakeStorage();
    const { policy, requests } = recordingPolicy();
    const runner = createCommandRunner({ storage, policy });
    const clerkOfA: Actor = { id: 'kim', roles: ['clerk'], storeIds: ['store-a'] };
    const error = await rejection(
      runner.execute(transfer, { from: 'store-a', to: 'store-b' }, { actor: clerkOfA }),
    );
    expect(isRetailKitError(error, 'FORBIDDEN')).toBe(true);
    expect((error as ForbiddenError).details).toMatchObject({ storeId: 'store-b' });

    const clerkOfBoth: Actor = { id: 'lee', roles: ['clerk'], storeIds: ['store-a', 'store-b'] };
    requests.length = 0;
    await runner.execute(transfer, { from: 'store-a', to: 'store-a' }, { actor: clerkOfBoth });
    expect(requests.map((request) => request.storeId)).toEqual(['store-a']);
    expect(
      await runner.execute(transfer, { from: 'store-a', to: 'store-b' }, { actor: clerkOfBoth }),
    ).toEqual({
      ok: true,
    });
  });
});

describe('emit after the handler returned', () => {
  it('is refused instead of being lost', async () => {
    const { storage, outbox } = fakeStorage();
    let late: (() => unknown) | undefined;
    const leaky = defineCommand({
      name: 'test.leaky',
      permission: 'test.leaky',
      input: z.object({}),
      handler: async (ctx) => {
        late = () => ctx.emit({ type: 'test.late', stream: 's', payload: {} });
        return { ok: true };
      },
    });
    await createCommandRunner({ storage }).execute(leaky, {}, { actor: { id: 'root', roles: ['admin'] } });
    expect(
      isRetailKitError(
        thrownBy(() => late?.()),
        'TRANSACTION_CLOSED',
      ),
    ).toBe(true);
    expect(outbox).toEqual([]);
  });
});

describe('authorisation never falls through', () => {
  const bulk = defineCommand({
    name: 'inventory.bulk-adjust',
    permission: 'inventory.adjust',
    input: z.object({ lines: z.array(z.object({ storeId: z.string() })) }),
    storeId: (input) => input.lines.map((line) => line.storeId),
    handler: async () => ({ ran: true }),
  });

  it('asks about the permission even when a command declares an empty list of stores', async () => {
    const t = setup();
    const error = await rejection(t.runner.run(bulk, { lines: [] }, { actor: { id: 'mallory', roles: [] } }));
    expect(isRetailKitError(error, 'FORBIDDEN')).toBe(true);
    expect(t.requests).toEqual([{ actor: { id: 'mallory', roles: [] }, permission: 'inventory.adjust' }]);
    expect(t.transactions()).toBe(0);
  });
});

describe('idempotency keys and results', () => {
  it('scopes keys per store: two stores may use the same key for their own requests', async () => {
    const t = setup();
    const inA = await t.runner.run(
      reserve,
      { storeId: 'store-a', sku: 'A' },
      { actor: admin, idempotencyKey: 'r-1' },
    );
    const inB = await t.runner.run(
      reserve,
      { storeId: 'store-b', sku: 'B' },
      { actor: admin, idempotencyKey: 'r-1' },
    );
    expect([inA.replayed, inB.replayed]).toEqual([false, false]);
    expect([...t.records.keys()].sort()).toEqual([
      'store-a/inventory.reserve/r-1',
      'store-b/inventory.reserve/r-1',
    ]);
  });

  it('returns the first caller exactly what a replay returns, detached from storage', async () => {
    const t = setup();
    const lister = defineCommand({
      name: 'test.list',
      permission: 'test.list',
      input: z.object({}),
      handler: async () => ({ lines: [1], note: undefined as string | undefined }),
    });
    const first = await t.runner.execute(lister, {}, { actor: admin, idempotencyKey: 'l-1' });
    const again = await t.runner.execute(lister, {}, { actor: admin, idempotencyKey: 'l-1' });
    expect(first).toEqual({ lines: [1] });
    expect(Object.keys(first)).toEqual(['lines']);
    expect(again).toEqual(first);
    again.lines.push(2);
    expect(await t.runner.execute(lister, {}, { actor: admin, idempotencyKey: 'l-1' })).toEqual({
      lines: [1],
    });
  });
});

describe('results without a codec', () => {
  it('are refused, and the command rolled back, when JSON would change them', async () => {
    const t = setup();
    const stamped = defineCommand({
      name: 'test.when',
      permission: 'test.when',
      input: z.object({}),
      handler: async (ctx) => {
        ctx.emit({ type: 'test.stamped', stream: 's', payload: {} });
        return { lines: [{ at: new Date(0) }] };
      },
    });
    const error = await rejection(t.runner.execute(stamped, {}, { actor: admin }));
    expect(isRetailKitError(error, 'INTERNAL')).toBe(true);
    expect((error as Error).message).toBe(
      'test.when returned a Date at lines.0.at; give the command a result codec, or return plain JSON data',
    );
    expect(t.outbox).toEqual([]);
    expect(t.log).toEqual(['rollback']);
  });

  it('are accepted when they are plain data, interfaces included', async () => {
    interface Receipt {
      readonly id: string;
      readonly lines: readonly { readonly qty: number; readonly note?: string }[];
    }
    const t = setup();
    const receipt = defineCommand({
      name: 'test.receipt',
      permission: 'test.receipt',
      input: z.object({}),
      handler: async (): Promise<Receipt> => ({ id: 'r1', lines: [{ qty: 1 }] }),
    });
    expect(await t.runner.execute(receipt, {}, { actor: admin })).toEqual({ id: 'r1', lines: [{ qty: 1 }] });
  });
});

describe('idempotency scope and options', () => {
  const transfer = defineCommand({
    name: 'inventory.transfer',
    permission: 'inventory.transfer',
    input: z.object({ from: z.string(), to: z.string() }),
    storeId: (input) => [input.from, input.to],
    handler: async (_ctx, input) => ({ route: `${input.from}>${input.to}` }),
  });

  it('puts the keys of multi-store commands in the chain-wide scope, so another route under one key is refused', async () => {
    const t = setup();
    await t.runner.execute(transfer, { from: 'a', to: 'b' }, { actor: admin, idempotencyKey: 't1' });
    const error = await rejection(
      t.runner.execute(transfer, { from: 'b', to: 'a' }, { actor: admin, idempotencyKey: 't1' }),
    );
    expect(isRetailKitError(error, 'IDEMPOTENCY_KEY_REUSE')).toBe(true);
    expect([...t.records.keys()]).toEqual(['null/inventory.transfer/t1']);
  });

  it('refuses unknown options, so a misspelt idempotency key is not silently ignored', async () => {
    const t = setup();
    const options = { actor: admin, idempotencykey: 'pay-1' } as unknown as { actor: Actor };
    const error = await rejection(t.runner.execute(reserve, { storeId: 'store-a', sku: 'A' }, options));
    expect(validationPaths(error)).toEqual(['']);
    expect((error as Error).message).toContain('idempotencykey');
    expect(t.transactions()).toBe(0);
  });

  it('decodes a replay from a private copy, so a codec that keeps arrays does not hand out stored ones', async () => {
    const frozenStore = fakeStorage();
    const lister = defineCommand({
      name: 'test.lines',
      permission: 'test.lines',
      input: z.object({}),
      handler: async () => ({ lines: [1] }),
      result: { encode: (result) => result, decode: (json) => json as { lines: number[] } },
    });
    const runner = createCommandRunner({ storage: frozenStore.storage });
    await runner.execute(lister, {}, { actor: admin, idempotencyKey: 'x' });
    for (const record of frozenStore.records.values())
      Object.freeze((record.result as { lines: number[] }).lines);
    const replay = await runner.execute(lister, {}, { actor: admin, idempotencyKey: 'x' });
    replay.lines.push(2);
    expect(replay.lines).toEqual([1, 2]);
  });
});

describe('idempotency scope of commands that declare a list of stores', () => {
  it('is chain-wide whatever the list holds, so one key never runs two different requests', async () => {
    const t = setup();
    const touch = defineCommand({
      name: 'inventory.touch',
      permission: 'inventory.adjust',
      input: z.object({ storeIds: z.array(z.string()) }),
      storeId: (input) => input.storeIds,
      handler: async () => ({ ok: true }),
    });
    await t.runner.execute(touch, { storeIds: ['a'] }, { actor: admin, idempotencyKey: 'k1' });
    for (const storeIds of [['a', 'b'], ['b']]) {
      const error = await rejection(
        t.runner.execute(touch, { storeIds }, { actor: admin, idempotencyKey: 'k1' }),
      );
      expect(isRetailKitError(error, 'IDEMPOTENCY_KEY_REUSE')).toBe(true);
    }
  });
});
