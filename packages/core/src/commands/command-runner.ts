import { z } from 'zod';
import { type Actor, actorSchema } from '../access/actor.js';
import { authorize, authorizeEagerly } from '../access/authorize.js';
import type { Permission } from '../access/permission.js';
import type { Policy } from '../access/policy.js';
import { createRbacPolicy } from '../access/rbac-policy.js';
import { type Clock, systemClock } from '../clock/clock.js';
import { IdempotencyKeyReuseError } from '../errors/error-classes.js';
import { RetailKitError } from '../errors/retailkit-error.js';
import type { DomainEvent, EventDraft } from '../events/domain-event.js';
import { type IdGenerator, uuidV7Ids } from '../ids/id-generator.js';
import type { JsonValue } from '../json.js';
import { createRuntimeStorage } from '../storage/runtime-storage.js';
import type { CoreRepositories, StorageAdapter } from '../storage/storage-adapter.js';
import { parseInput } from '../validation/parse-input.js';
import { assertPlainResult } from './assert-plain-result.js';
import type { CommandContext, CommandDefinition, ResultCodec } from './command-definition.js';
import { jsonCopy } from './json-copy.js';
import { parseExecuteOptions } from './parse-execute-options.js';
import { requestHash } from './request-hash.js';
import { retryOnConflict } from './retry-on-conflict.js';
import { type RetryOptions, resolveRetryOptions } from './retry-options.js';

/** Options of {@link createCommandRunner}. */
export interface CommandRunnerOptions<R extends CoreRepositories> {
  /** The storage adapter; it is wrapped with {@link createRuntimeStorage}. */
  readonly storage: StorageAdapter<R>;
  /** Decides every command; defaults to the RBAC policy with the default roles. */
  readonly policy?: Policy;
  /** Source of "now"; defaults to the system clock. */
  readonly clock?: Clock;
  /** Source of ids; defaults to UUIDv7. */
  readonly ids?: IdGenerator;
  /** Conflict retry; defaults to 6 attempts with jittered exponential backoff. */
  readonly retry?: RetryOptions;
}

/**
 * Per-call options: who runs the command, and an optional idempotency key. Unknown fields are
 * refused, so a misspelt `idempotencyKey` cannot silently run the command without one.
 */
export interface ExecuteOptions {
  /** Who runs the command. */
  readonly actor: Actor;
  /** Same key + same request returns the first result; same key + another request is refused. */
  readonly idempotencyKey?: string;
}

/** What running a command produced, beyond its result. */
export interface CommandOutcome<TResult> {
  /** The handler's result (or the stored one on replay). */
  readonly result: TResult;
  /** The events committed to the outbox (none on replay). */
  readonly events: readonly DomainEvent[];
  /** True when the result came from the idempotency store. */
  readonly replayed: boolean;
  /** How many attempts it took (1 without conflicts). */
  readonly attempts: number;
}

/** Runs commands: validate → authorise → (in one transaction) idempotency lookup → handler → events. */
export interface CommandRunner<R extends CoreRepositories = CoreRepositories> {
  /** The wrapped storage. */
  readonly storage: StorageAdapter<R>;
  /** The clock commands use. */
  readonly clock: Clock;
  /** The id generator commands use. */
  readonly ids: IdGenerator;
  /** The authorisation policy. */
  readonly policy: Policy;
  /** Runs a command and returns its result. */
  execute<S extends z.ZodType, TResult>(
    command: CommandDefinition<R, S, TResult>,
    input: z.input<S>,
    options: ExecuteOptions,
  ): Promise<TResult>;
  /** Runs a command and returns its result with the events, replay flag and attempt count. */
  run<S extends z.ZodType, TResult>(
    command: CommandDefinition<R, S, TResult>,
    input: z.input<S>,
    options: ExecuteOptions,
  ): Promise<CommandOutcome<TResult>>;
  /**
   * Runs a read: authorises the actor for `permission` (in `storeId`, when given), then calls `read`
   * in a read-only transaction, retried on conflict like a command. Reads write nothing and emit
   * nothing.
   */
  query<T>(options: QueryOptions, read: (tx: R) => Promise<T>): Promise<T>;
}

/** Who reads, and the permission and store the read needs. Unknown fields are refused. */
export interface QueryOptions {
  /** Who reads. */
  readonly actor: Actor;
  /** The permission the read needs, e.g. `inventory.read`. */
  readonly permission: Permission;
  /** The store the read is bound to; omit for chain-wide reads. */
  readonly storeId?: string;
}

const queryOptionsSchema = z.strictObject({
  actor: actorSchema,
  permission: z.custom<Permission>((value) => typeof value === 'string' && /^[^.]+\.[^.]+/.test(value), {
    message: 'must look like "area.action"',
  }),
  storeId: z.string().min(1).optional(),
});

// A JSON round trip, so the first caller gets what a replay gets (undefined fields dropped).
const plainJsonCodec: ResultCodec<unknown> = { encode: jsonCopy, decode: (json) => json };

/**
 * `date.toISOString()`, remembering the last answer: the conversion is slow next to the rest of a
 * command, and commands within one millisecond (or under a fake clock) ask for the same instant.
 */
function isoTimeCache(): (date: Date) => string {
  let lastTime = Number.NaN;
  let lastText = '';
  return (date) => {
    // A Date subclass may format itself differently; NaN (an invalid Date) never matches, so
    // toISOString still throws for it.
    if (Object.getPrototypeOf(date) !== Date.prototype) return date.toISOString();
    const time = date.getTime();
    if (time !== lastTime) {
      lastText = date.toISOString();
      lastTime = time;
    }
    return lastText;
  };
}

/** The stores a command declared, without duplicates, in the order given. */
function storesOf(declared: string | readonly string[] | undefined): readonly string[] {
  if (declared === undefined) return [];
  return typeof declared === 'string' ? [declared] : [...new Set(declared)];
}

/**
 * Creates the command runner every module uses. Each command runs in one storage transaction
 * that writes its records, its outbox events and its idempotency record together; a retryable
 * ConflictError re-runs the whole command, up to `retry.maxAttempts` times.
 */
export function createCommandRunner<R extends CoreRepositories>(
  options: CommandRunnerOptions<R>,
): CommandRunner<R> {
  const storage = createRuntimeStorage(options.storage);
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? uuidV7Ids;
  const policy = options.policy ?? createRbacPolicy();
  const retry = resolveRetryOptions(options.retry);
  const occurredAt = isoTimeCache();

  async function run<S extends z.ZodType, TResult>(
    command: CommandDefinition<R, S, TResult>,
    rawInput: z.input<S>,
    rawOptions: ExecuteOptions,
  ): Promise<CommandOutcome<TResult>> {
    const { actor, idempotencyKey } = parseExecuteOptions(rawOptions, `${command.name} options`);
    const input = parseInput(command.input, rawInput, `${command.name} input`);
    const declared = command.storeId?.(input);
    const stores = storesOf(declared);
    // Always ask about the permission; for store-bound commands, once per store. A synchronous
    // policy (RBAC) answers without a promise, and awaiting nothing would still cost a tick.
    if (stores.length === 0) {
      const pending = authorizeEagerly(policy, { actor, permission: command.permission });
      if (pending !== undefined) await pending;
    }
    for (const storeId of stores) {
      const pending = authorizeEagerly(policy, { actor, permission: command.permission, storeId });
      if (pending !== undefined) await pending;
    }
    const codec = command.result ?? (plainJsonCodec as ResultCodec<TResult>);
    const hash = idempotencyKey === undefined ? undefined : requestHash(command.name, input);
    const scope =
      idempotencyKey === undefined
        ? undefined
        : {
            // A command bound to one store keeps its keys in that store. One that declares a list
            // (a transfer) keeps them chain-wide whatever the list holds, so a key reused for
            // another route, or another number of stores, meets the first request and is refused.
            storeId: typeof declared === 'string' ? declared : null,
            command: command.name,
            key: idempotencyKey,
          };

    return retryOnConflict(command.name, { command: command.name }, retry, (attempt) =>
      storage.transaction(async (tx) => {
        const now = clock.now();
        if (scope !== undefined && hash !== undefined) {
          const stored = await tx.idempotency.find(scope);
          if (stored) {
            if (stored.requestHash !== hash) throw new IdempotencyKeyReuseError(scope.key, command.name);
            // Decode a private copy: stored rows may be shared or frozen (the memory adapter's are).
            return {
              result: codec.decode(jsonCopy(stored.result)),
              events: [],
              replayed: true,
              attempts: attempt,
            };
          }
          // Claim the key before running: a concurrent duplicate now waits on (or conflicts with)
          // this claim and then replays, instead of running the command a second time.
          await tx.idempotency.claim({
            storeId: scope.storeId,
            command: scope.command,
            key: scope.key,
            requestHash: hash,
            actorId: actor.id,
            createdAt: now,
          });
        }
        const events: DomainEvent[] = [];
        let open = true;
        const context: CommandContext<R> = {
          tx,
          actor,
          now,
          command: command.name,
          ids,
          attempt,
          emit: <TType extends string, TPayload extends JsonValue>(draft: EventDraft<TType, TPayload>) => {
            // An event emitted after the handler returned would be lost silently: refuse it.
            if (!open) {
              throw new RetailKitError(
                'TRANSACTION_CLOSED',
                `${command.name} emitted an event after it returned`,
              );
            }
            const event: DomainEvent<TType, TPayload> = {
              id: ids.next(),
              type: draft.type,
              stream: draft.stream,
              storeId: draft.storeId ?? null,
              occurredAt: occurredAt(now),
              actorId: actor.id,
              command: command.name,
              payload: draft.payload,
              schemaVersion: draft.schemaVersion ?? 1,
            };
            events.push(event);
            return event;
          },
        };
        let result: TResult;
        try {
          result = await command.handler(context, input);
        } finally {
          open = false;
        }
        if (command.result === undefined) assertPlainResult(command.name, result);
        if (events.length > 0) await tx.outbox.append(events);
        if (scope !== undefined) {
          const encoded = codec.encode(result);
          await tx.idempotency.complete(scope, encoded);
          // The first caller gets exactly what a replay will get.
          return { result: codec.decode(encoded), events, replayed: false, attempts: attempt };
        }
        return { result, events, replayed: false, attempts: attempt };
      }),
    );
  }

  return {
    storage,
    clock,
    ids,
    policy,
    run,
    query: async (rawOptions, read) => {
      const { actor, permission, storeId } = parseInput(queryOptionsSchema, rawOptions, 'query options');
      await authorize(policy, storeId === undefined ? { actor, permission } : { actor, permission, storeId });
      return retryOnConflict('query', { query: permission }, retry, () =>
        storage.transaction((tx) => read(tx), { readOnly: true }),
      );
    },
    execute: async (command, input, executeOptions) => (await run(command, input, executeOptions)).result,
  };
}
