import type { z } from 'zod';
import type { Actor } from '../access/actor.js';
import type { Permission } from '../access/permission.js';
import type { DomainEvent, EventDraft } from '../events/domain-event.js';
import type { IdGenerator } from '../ids/id-generator.js';
import type { JsonValue } from '../json.js';
import type { CoreRepositories } from '../storage/storage-adapter.js';

/** What a command handler gets: the transaction's repositories, the actor, a fixed "now". */
export interface CommandContext<R extends CoreRepositories = CoreRepositories> {
  /** The repositories, bound to this command's transaction. */
  readonly tx: R;
  /** Who runs the command. */
  readonly actor: Actor;
  /** The instant of this attempt, taken once from the clock. */
  readonly now: Date;
  /** The command's name. */
  readonly command: string;
  /** Id source for new records. */
  readonly ids: IdGenerator;
  /** 1 for the first attempt, higher after conflict retries. */
  readonly attempt: number;
  /** Records an event; it is appended to the outbox in the same transaction. */
  emit<TType extends string, TPayload extends JsonValue>(
    draft: EventDraft<TType, TPayload>,
  ): DomainEvent<TType, TPayload>;
}

/** Encodes a result for the idempotency store and decodes it on replay. */
export interface ResultCodec<TResult> {
  /** To JSON. */
  encode(result: TResult): JsonValue;
  /** From JSON. */
  decode(json: JsonValue): TResult;
}

/** A command: its name, permission, input schema, store binding and transactional handler. */
export interface CommandDefinition<R extends CoreRepositories, S extends z.ZodType, TResult> {
  /** Unique name, `<area>.<verb>`, e.g. `inventory.reserve`; also the idempotency scope. */
  readonly name: string;
  /** The permission the actor needs. */
  readonly permission: Permission;
  /** Validates and normalises the raw input. */
  readonly input: S;
  /**
   * The store (or stores: a transfer touches two) this input acts in. The actor must be
   * authorised in each of them.
   */
  readonly storeId?: (input: z.output<S>) => string | readonly string[] | undefined;
  /** The work, run inside one transaction (possibly several times after conflicts). */
  readonly handler: (ctx: CommandContext<R>, input: z.output<S>) => Promise<TResult>;
  /**
   * How the result is stored for idempotent replays. Optional for plain data; required when the
   * result holds anything JSON would change, such as a Money or a Date: without a codec the runner
   * refuses such a result (and rolls the command back). An `undefined` result replays as `null`.
   */
  readonly result?: ResultCodec<TResult>;
}

/**
 * Declares a command with full type inference of its input and result. A result that is not plain
 * JSON data (a Money, a Date, any class instance) needs a `result` codec, so an idempotent replay
 * returns the same type as the first call; without one the runner refuses such a result.
 *
 * @example
 * ```ts
 * const renameStore = defineCommand({
 *   name: 'stores.rename',
 *   permission: 'stores.rename',
 *   input: z.object({ storeId: z.string(), name: z.string().min(1) }),
 *   storeId: (input) => input.storeId,
 *   handler: async (ctx, input) => {
 *     ctx.emit({ type: 'stores.renamed', stream: `store:${input.storeId}`, storeId: input.storeId, payload: input });
 *     return { renamed: true };
 *   },
 * });
 * ```
 */
export function defineCommand<S extends z.ZodType, TResult, R extends CoreRepositories = CoreRepositories>(
  definition: CommandDefinition<R, S, TResult>,
): CommandDefinition<R, S, TResult> {
  return Object.freeze({ ...definition });
}
