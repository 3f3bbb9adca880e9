import { NotFoundError } from '@retailkit/core';

/** `record`, or a NotFoundError for the `entity` with this id when it is missing. */
export function requireFound<T>(entity: string, id: string, record: T | null | undefined): T {
  if (record === undefined || record === null) throw new NotFoundError(entity, id);
  return record;
}
