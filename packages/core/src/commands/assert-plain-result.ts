import { RetailKitError } from '../errors/retailkit-error.js';
import { classNameOf } from './class-name-of.js';

/**
 * Throws when a command without a result codec returns something JSON would change (a Money, a
 * Date, a Map, a class instance, a bigint, NaN): an idempotent replay could not give it back as
 * the same type. Runs inside the transaction, so the command rolls back.
 */
export function assertPlainResult(command: string, value: unknown): void {
  // One path stack for the whole walk, pushed and popped: the runner checks every result.
  check(command, value, []);
}

function check(command: string, value: unknown, path: (string | number)[]): void {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean')
    return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) refuse(command, String(value), path);
    return;
  }
  if (typeof value !== 'object') refuse(command, `a ${typeof value}`, path);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      check(command, value[index], path);
      path.pop();
    }
    return;
  }
  const kind = classNameOf(value as object);
  if (kind !== undefined) refuse(command, `a ${kind}`, path);
  for (const key of Object.keys(value as object)) {
    path.push(key);
    check(command, (value as Record<string, unknown>)[key], path);
    path.pop();
  }
}

function refuse(command: string, what: string, path: readonly (string | number)[]): never {
  const at = path.length === 0 ? 'as its result' : `at ${path.join('.')}`;
  throw new RetailKitError(
    'INTERNAL',
    `${command} returned ${what} ${at}; give the command a result codec, or return plain JSON data`,
    { details: { command, path: path.join('.') } },
  );
}
