import type { z } from 'zod';
import type { CoreRepositories } from '../storage/storage-adapter.js';
import type { CommandContext, CommandDefinition } from './command-definition.js';
import type { CommandRunner, ExecuteOptions } from './command-runner.js';

/** A command turned into a method: `(input, { actor, idempotencyKey? }) => Promise<result>`. */
export type BoundCommand<C> =
  C extends CommandDefinition<infer _R, infer S, infer TResult>
    ? (input: z.input<S>, options: ExecuteOptions) => Promise<TResult>
    : never;

/** What {@link bindCommands} accepts: any command whose handler runs on repositories `R`. */
export interface BindableCommand<R extends CoreRepositories> {
  /** The command's name. */
  readonly name: string;
  /** Its handler; the input type is left open. */
  readonly handler: (ctx: CommandContext<R>, input: never) => Promise<unknown>;
}

/** A record of commands turned into methods of the same names. */
export type BoundCommands<M> = { readonly [K in keyof M]: BoundCommand<M[K]> };

/**
 * Binds commands to a runner, giving a module its methods: `bindCommands(runner, { reserve })`
 * returns `{ reserve(input, options) }`, which runs the command through `runner.execute`.
 *
 * @example
 * ```ts
 * const drawer = bindCommands(runner, { count: countCashDrawer });
 * await drawer.count(input, { actor });
 * ```
 */
export function bindCommands<
  R extends CoreRepositories,
  M extends Readonly<Record<string, BindableCommand<R>>>,
>(runner: CommandRunner<R>, commands: M): BoundCommands<M> {
  const bound: Record<string, (input: unknown, options: ExecuteOptions) => Promise<unknown>> = {};
  for (const [key, command] of Object.entries(commands)) {
    bound[key] = (input, options) =>
      runner.execute(command as CommandDefinition<R, z.ZodType, unknown>, input, options);
  }
  return Object.freeze(bound) as BoundCommands<M>;
}
