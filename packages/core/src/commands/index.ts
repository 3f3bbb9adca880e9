export {
  type BindableCommand,
  type BoundCommand,
  type BoundCommands,
  bindCommands,
} from './bind-commands.js';
export { type BoundQueries, type BoundQuery, bindQueries, type RunnerQuery } from './bind-queries.js';
export { canonicalJson } from './canonical-json.js';
export {
  type CommandContext,
  type CommandDefinition,
  defineCommand,
  type ResultCodec,
} from './command-definition.js';
export {
  type CommandOutcome,
  type CommandRunner,
  type CommandRunnerOptions,
  createCommandRunner,
  type ExecuteOptions,
  type QueryOptions,
} from './command-runner.js';
export { requestHash } from './request-hash.js';
export type { RetryOptions } from './retry-options.js';
