import { ValidationError } from '@retailkit/core';

/** A ValidationError for one field of a command's input, named by its dotted path. */
export function invalidField(command: string, path: string, message: string): ValidationError {
  return new ValidationError([{ path, message }], { context: `${command} input` });
}
