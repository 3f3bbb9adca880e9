import {
  type CoreRepositories,
  createCommandRunner,
  createRuntimeStorage,
  FakeClock,
  type StorageAdapter,
  sequentialIds,
} from '@retailkit/core';
import { describe, it } from 'vitest';
import type { ConformanceCase, ConformanceContext } from './conformance-case.js';
import { type CoreConformanceId, coreConformanceCases } from './core-cases.js';
import { type OutboxConformanceId, outboxConformanceCases } from './outbox-cases.js';

/** The id of any conformance check; pass ids in `skip` to switch checks off with type checking. */
export type ConformanceTestId = CoreConformanceId | OutboxConformanceId;

/** Options of {@link runStorageConformance}. */
export interface StorageConformanceOptions<R extends CoreRepositories = CoreRepositories> {
  /** Shown in the suite's title, e.g. `memory` or `sql:postgres`. */
  readonly name: string;
  /** Creates a fresh, empty adapter for one check; `testId` helps name schemas or files. */
  readonly create: (context: {
    readonly testId: ConformanceTestId;
  }) => StorageAdapter<R> | Promise<StorageAdapter<R>>;
  /** Cleans up after one check, given the adapter `create` returned; by default it is closed. */
  readonly teardown?: (storage: StorageAdapter<R>) => void | Promise<void>;
  /** `true` skips the whole suite (e.g. a server is not configured); an id list skips those checks. */
  readonly skip?: boolean | readonly ConformanceTestId[];
  /** Timeout per check in ms; default 30 s. */
  readonly timeoutMs?: number;
}

/** Every conformance check, in suite order. */
export const conformanceCases: readonly ConformanceCase<ConformanceTestId>[] = [
  ...coreConformanceCases,
  ...outboxConformanceCases,
];

/** Runs one check against a fresh adapter and tears it down, whatever the outcome. */
export async function runConformanceCase<R extends CoreRepositories, Id extends string = string>(
  check: ConformanceCase<Id, R>,
  options: Pick<SuiteOptions<R, Id>, 'create' | 'teardown'>,
): Promise<void> {
  const adapter = await options.create({ testId: check.id });
  const storage = createRuntimeStorage(adapter);
  const clock = new FakeClock('2025-03-01T12:00:00Z');
  const context: ConformanceContext<R> = {
    storage,
    clock,
    // The default retry settings, as users get them: an adapter that needs more attempts to
    // get through these checks would fail its users too.
    runner: createCommandRunner({ storage, clock, ids: sequentialIds('evt') }),
  };
  try {
    await check.run(context);
  } finally {
    if (options.teardown) await options.teardown(adapter);
    else await storage.close();
  }
}

/**
 * Registers the storage conformance suite with vitest. Third-party adapters run exactly what the
 * first-party ones run.
 *
 * @example
 * ```ts
 * // my-adapter.test.ts
 * import { runStorageConformance } from '@retailkit/testkit';
 * runStorageConformance({ name: 'my-adapter', create: () => createMyStorage() });
 * ```
 */
export function runStorageConformance<R extends CoreRepositories>(
  options: StorageConformanceOptions<R>,
): void {
  registerConformanceSuite('storage conformance', conformanceCases, options);
}

/** The options every conformance suite takes: a module's suite differs only in its ids and repositories. */
export interface SuiteOptions<R extends CoreRepositories, Id extends string> {
  /** Shown in the suite's title, e.g. `memory` or `sql:postgres`. */
  readonly name: string;
  /** Creates a fresh, empty adapter for one check; `testId` helps name schemas or files. */
  readonly create: (context: { readonly testId: Id }) => StorageAdapter<R> | Promise<StorageAdapter<R>>;
  /** Cleans up after one check, given the adapter `create` returned; by default it is closed. */
  readonly teardown?: (storage: StorageAdapter<R>) => void | Promise<void>;
  /** `true` skips the whole suite (e.g. a server is not configured); an id list skips those checks. */
  readonly skip?: boolean | readonly Id[];
  /** Timeout per check in ms; default 30 s. */
  readonly timeoutMs?: number;
}

/**
 * Registers a list of conformance checks with vitest as one `describe` block. Module suites
 * (`runCatalogConformance`, `runInventoryConformance`) are built on it.
 */
export function registerConformanceSuite<R extends CoreRepositories, Id extends string>(
  title: string,
  cases: readonly ConformanceCase<Id, R>[],
  options: SuiteOptions<R, Id>,
): void {
  const skipped = new Set<string>(Array.isArray(options.skip) ? options.skip : []);
  const describeSuite = options.skip === true ? describe.skip : describe;
  describeSuite(`${title}: ${options.name}`, () => {
    for (const check of cases) {
      const test = skipped.has(check.id) ? it.skip : it;
      test(
        `[${check.id}] ${check.title}`,
        () => runConformanceCase(check, options),
        options.timeoutMs ?? 30_000,
      );
    }
  });
}
