import { createOutboxConsumer, isRetailKitError, type OutboxEvent } from '@retailkit/core';
import fc from 'fast-check';
import { expect } from 'vitest';
import { anActor } from '../builders/actors.js';
import type { ConformanceContext } from './conformance-case.js';
import { appendNote, conflictingNote } from './conformance-commands.js';

// A model-based check of the core contract: random sequences of commands (plain, idempotent,
// failing, conflicting) against an adapter, compared after every step with a model that is
// obviously right. Each run uses its own stream and key names, so runs share one adapter.

interface Model {
  /** Committed note texts per stream, in order. */
  readonly streams: Map<string, string[]>;
  /** Idempotency keys: the request they were first used with and its result. */
  readonly keys: Map<string, { readonly request: string; readonly eventId: string }>;
}

interface Real {
  readonly context: ConformanceContext;
  readonly prefix: string;
}

const actor = anActor({ id: 'model' });
const STREAMS = ['a', 'b', 'c'] as const;
const KEYS = ['k1', 'k2', 'k3'] as const;

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

async function expectStreamsMatch(model: Model, real: Real): Promise<void> {
  for (const name of STREAMS) {
    const events = await real.context.storage.transaction((tx) =>
      tx.outbox.readStream(`${real.prefix}${name}`),
    );
    const texts = events.map((event) => (event.payload as { text?: string }).text);
    expect(texts).toEqual(model.streams.get(name) ?? []);
    expect(events.map((event) => event.streamSeq)).toEqual(events.map((_, i) => i + 1));
  }
}

function commit(model: Model, stream: string, text: string): void {
  model.streams.set(stream, [...(model.streams.get(stream) ?? []), text]);
}

class Append implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly stream: (typeof STREAMS)[number],
    readonly text: string,
    readonly key: (typeof KEYS)[number] | undefined,
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const request = JSON.stringify([this.stream, this.text]);
    const options =
      this.key === undefined ? { actor } : { actor, idempotencyKey: `${real.prefix}${this.key}` };
    const input = { stream: `${real.prefix}${this.stream}`, text: this.text };
    const previous = this.key === undefined ? undefined : model.keys.get(this.key);
    if (previous && previous.request !== request) {
      const error = await errorOf(real.context.runner.execute(appendNote, input, options));
      expect(isRetailKitError(error, 'IDEMPOTENCY_KEY_REUSE')).toBe(true);
    } else {
      const outcome = await real.context.runner.run(appendNote, input, options);
      expect(outcome.replayed).toBe(previous !== undefined);
      if (previous) {
        expect(outcome.result.eventId).toBe(previous.eventId);
      } else {
        commit(model, this.stream, this.text);
        if (this.key !== undefined) model.keys.set(this.key, { request, eventId: outcome.result.eventId });
      }
    }
    await expectStreamsMatch(model, real);
  }
  toString = () => `append(${this.stream}, ${JSON.stringify(this.text)}, ${this.key ?? '-'})`;
}

class FailingAppend implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly stream: (typeof STREAMS)[number],
    readonly key: (typeof KEYS)[number] | undefined,
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const input = { stream: `${real.prefix}${this.stream}`, text: 'doomed', failAfterWrite: true };
    const options =
      this.key === undefined ? { actor } : { actor, idempotencyKey: `${real.prefix}${this.key}` };
    const previous = this.key === undefined ? undefined : model.keys.get(this.key);
    const error = await errorOf(real.context.runner.execute(appendNote, input, options));
    // A key already used for another request is refused before the handler can fail.
    if (previous) expect(isRetailKitError(error, 'IDEMPOTENCY_KEY_REUSE')).toBe(true);
    else expect((error as Error | undefined)?.message).toBe('failing on purpose after writing');
    await expectStreamsMatch(model, real);
  }
  toString = () => `fail(${this.stream}, ${this.key ?? '-'})`;
}

class Conflicting implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly stream: (typeof STREAMS)[number],
    readonly conflicts: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const outcome = await real.context.runner.run(
      conflictingNote(this.conflicts),
      { stream: `${real.prefix}${this.stream}` },
      { actor },
    );
    expect(outcome.attempts).toBe(this.conflicts + 1);
    commit(model, this.stream, `attempt ${this.conflicts + 1}`);
    await expectStreamsMatch(model, real);
  }
  toString = () => `conflict(${this.stream}, ${this.conflicts})`;
}

const commands = fc.commands(
  [
    fc
      .tuple(
        fc.constantFrom(...STREAMS),
        fc.string({ maxLength: 8 }),
        fc.option(fc.constantFrom(...KEYS), { nil: undefined }),
      )
      .map(([stream, text, key]) => new Append(stream, text, key)),
    fc
      .tuple(fc.constantFrom(...STREAMS), fc.option(fc.constantFrom(...KEYS), { nil: undefined }))
      .map(([stream, key]) => new FailingAppend(stream, key)),
    fc
      .tuple(fc.constantFrom(...STREAMS), fc.integer({ min: 0, max: 2 }))
      .map(([s, n]) => new Conflicting(s, n)),
  ],
  { maxCommands: 25 },
);

/** Runs the model-based check; every run ends by draining the outbox and comparing it with the model. */
export async function runCoreModel(context: ConformanceContext, numRuns = 25): Promise<void> {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(commands, async (sequence) => {
      run += 1;
      const real: Real = { context, prefix: `run${run}-` };
      const model: Model = { streams: new Map(), keys: new Map() };
      await fc.asyncModelRun(() => ({ model, real }), sequence);
      const consumer = createOutboxConsumer(context.storage, {
        consumer: `model-${run}`,
        clock: context.clock,
      });
      const delivered: OutboxEvent[] = [];
      const { failed } = await consumer.drain((event) => {
        if (event.stream.startsWith(real.prefix)) delivered.push(event);
      });
      expect(failed).toEqual([]);
      for (const name of STREAMS) {
        const texts = delivered
          .filter((event) => event.stream === `${real.prefix}${name}`)
          .map((event) => (event.payload as { text?: string }).text);
        expect(texts).toEqual(model.streams.get(name) ?? []);
      }
    }),
    { numRuns },
  );
}
