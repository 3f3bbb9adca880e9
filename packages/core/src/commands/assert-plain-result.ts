import { RetailKitError } from '../errors/retailkit-error.js';
import { classNameOf } from './class-name-of.js';

/**
 * Throws when a command without a result codec returns something JSON would change (a Money, a
 * Date, a Map, a class instance, a bigint, NaN): an idempotent replay could not give it back as
 * the same type. Runs inside the transaction, so the command rolls back.
 */
export function assertPlainResult(
  command: string,
  value: unknown,
  path: readonly (string | number)[] = [],
): void {
  const refuse = (what: string): never => {
    const at = path.length === 0 ? 'as its result' : `at ${path.join('.')}`;
    throw new RetailKitError(
      'INTERNAL',
      `${command} returned ${what} ${at}; give the command a result codec, or return plain JSON data`,
      { details: { command, path: path.join('.') } },
    );
  };
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean')
    return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) refuse(String(value));
    return;
  }
  if (typeof value !== 'object') refuse(`a ${typeof value}`);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) assertPlainResult(command, item, [...path, index]);
    return;
  }
  const kind = classNameOf(value);
  if (kind !== undefined) refuse(`a ${kind}`);
  for (const [key, child] of Object.entries(value)) assertPlainResult(command, child, [...path, key]);
}
