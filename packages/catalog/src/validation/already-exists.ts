import { ConflictError } from '@retailkit/core';

/** The ConflictError for creating a record whose id is taken. Not retryable: the id stays taken. */
export function alreadyExists(entity: string, id: string): ConflictError {
  return new ConflictError(`${entity} ${JSON.stringify(id)} already exists`, {
    retryable: false,
    details: { entity, id },
  });
}
