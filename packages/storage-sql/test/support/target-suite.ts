import { describe, it } from 'vitest';
import type { SqlTarget } from './sql-targets.js';

/**
 * Whether the suites of a target should run. A target that cannot run here is skipped with a
 * visible notice; under CI=true it is a failure instead, so a missing server or driver never
 * passes silently.
 */
export function targetRuns(target: SqlTarget): boolean {
  if (target.unavailable === undefined) return true;
  if (process.env.CI === 'true') {
    describe(`${target.name} (required under CI=true)`, () => {
      it('is available', () => {
        throw new Error(`${target.name} cannot run: ${target.unavailable}`);
      });
    });
  } else {
    console.warn(`\n[retailkit] skipping the ${target.name} suites: ${target.unavailable}\n`);
    describe.skip(`${target.name}: ${target.unavailable}`, () => {
      it('needs its database', () => {});
    });
  }
  return false;
}
