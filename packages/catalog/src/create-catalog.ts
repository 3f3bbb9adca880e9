import {
  type BoundCommands,
  type BoundQueries,
  bindCommands,
  bindQueries,
  type CommandRunner,
  type CoreRepositories,
} from '@retailkit/core';
import { catalogCommands } from './catalog-commands.js';
import { catalogQueries } from './catalog-queries.js';
import type { CatalogRepositories } from './catalog-repository.js';

/** Options of {@link createCatalog}. */
export interface CatalogOptions<R extends CoreRepositories & CatalogRepositories> {
  /** The runner commands and queries run through; its storage must provide the catalog repositories. */
  readonly runner: CommandRunner<R>;
}

/**
 * The catalog: one method per command (`(input, { actor, idempotencyKey? })`: validated,
 * authorised, transactional, idempotent with a key, emitting events; plain JSON records back) and
 * per query (`(input, { actor })`: authorised, read-only).
 */
export type Catalog = BoundCommands<typeof catalogCommands> & BoundQueries<typeof catalogQueries>;

/**
 * Creates the catalog over a command runner whose storage provides the catalog repositories
 * (`createMemoryStorage()` does).
 *
 * @example
 * ```ts
 * const catalog = createCatalog({ runner: createCommandRunner({ storage: createMemoryStorage() }) });
 * await catalog.createTaxClass({ id: 'standard', name: 'Standard', rate: '19' }, { actor });
 * ```
 */
export function createCatalog<R extends CoreRepositories & CatalogRepositories>(
  options: CatalogOptions<R>,
): Catalog {
  return Object.freeze({
    ...bindCommands(options.runner, catalogCommands),
    ...bindQueries(options.runner, catalogQueries),
  });
}
