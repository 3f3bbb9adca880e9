import type { CommandRunner, CoreRepositories, FakeClock, StorageAdapter } from '@retailkit/core';

/** What each conformance check gets: a fresh storage, a runner over it, and the fake clock it uses. */
export interface ConformanceContext<R extends CoreRepositories = CoreRepositories> {
  /** The adapter under test, fresh for this check. */
  readonly storage: StorageAdapter<R>;
  /** A command runner over it with the fake clock and the default retry settings. */
  readonly runner: CommandRunner<R>;
  /** The clock the runner uses. */
  readonly clock: FakeClock;
}

/** One conformance check, with an id that is stable across releases so it can be skipped by name. */
export interface ConformanceCase<Id extends string = string, R extends CoreRepositories = CoreRepositories> {
  /** Stable id, `<group>.<topic>.<check>`. */
  readonly id: Id;
  /** What a passing adapter guarantees. */
  readonly title: string;
  /** Runs the check; rejects when the adapter breaks the contract. */
  readonly run: (context: ConformanceContext<R>) => Promise<void>;
}
