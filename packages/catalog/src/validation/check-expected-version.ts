import { ConflictError } from '@retailkit/core';

/**
 * Refuses an update whose caller read an older version than the one stored. Not retryable: running
 * the command again cannot make the caller's copy current; it must read again.
 */
export function checkExpectedVersion(
  entity: string,
  id: string,
  stored: number,
  expected: number | undefined,
): void {
  if (expected === undefined || expected === stored) return;
  throw new ConflictError(
    `${entity} ${JSON.stringify(id)} is at version ${stored}, not ${expected}: it changed since it was read`,
    { retryable: false, details: { entity, id, expectedVersion: expected, version: stored } },
  );
}
