import { invalidField } from './invalid-field.js';

/**
 * The record an input field refers to, or a ValidationError on that field when it is missing
 * (`no category "x"`): a reference to a record that does not exist is bad input.
 */
export function referenced<T>(
  command: string,
  field: string,
  entity: string,
  id: string,
  record: T | null | undefined,
): T {
  if (record === undefined || record === null)
    throw invalidField(command, field, `no ${entity} ${JSON.stringify(id)}`);
  return record;
}
