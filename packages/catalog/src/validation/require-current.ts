import { ConflictError } from '@retailkit/core';
import { requireFound } from './require-found.js';

/**
 * The stored record an update starts from: a NotFoundError when it is missing, and a ConflictError
 * when the caller read an older version than the one stored. That conflict is not retryable:
 * running the command again cannot make the caller's copy current; it must read again.
 */
export function requireCurrent<T extends { readonly version: number }>(
  entity: string,
  id: string,
  record: T | null | undefined,
  expectedVersion: number | undefined,
): T {
  const current = requireFound(entity, id, record);
  if (expectedVersion === undefined || expectedVersion === current.version) return current;
  throw new ConflictError(
    `${entity} ${JSON.stringify(id)} is at version ${current.version}, not ${expectedVersion}: it changed since it was read`,
    { retryable: false, details: { entity, id, expectedVersion, version: current.version } },
  );
}
