import type { CoreRepositories } from '../storage/storage-adapter.js';
import type { CommandRunner } from './command-runner.js';

/** A read written against a runner: `(runner, input, options) => Promise<result>`. */
export type RunnerQuery<R extends CoreRepositories> = (
  runner: CommandRunner<R>,
  input: never,
  options: never,
) => Promise<unknown>;

/** A query with its runner bound: `(input, options) => Promise<result>`. */
export type BoundQuery<Q> = Q extends (runner: never, input: infer I, options: infer O) => Promise<infer T>
  ? (input: I, options: O) => Promise<T>
  : never;

/** A record of queries with their runner bound, under the same names. */
export type BoundQueries<M> = { readonly [K in keyof M]: BoundQuery<M[K]> };

/**
 * Binds reads written as `(runner, input, options)` to a runner, giving a module its query
 * methods: `bindQueries(runner, { getStockLevel })` returns `{ getStockLevel(input, options) }`.
 */
export function bindQueries<R extends CoreRepositories, M extends Readonly<Record<string, RunnerQuery<R>>>>(
  runner: CommandRunner<R>,
  queries: M,
): BoundQueries<M> {
  const bound: Record<string, (input: unknown, options: unknown) => Promise<unknown>> = {};
  for (const [key, query] of Object.entries(queries)) {
    bound[key] = (input, options) =>
      (query as (r: CommandRunner<R>, i: unknown, o: unknown) => Promise<unknown>)(runner, input, options);
  }
  return Object.freeze(bound) as BoundQueries<M>;
}
