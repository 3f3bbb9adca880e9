import { ValidationError } from '../errors/error-classes.js';

const encoder = new TextEncoder();
// Lone surrogates are the only strings UTF-8 cannot carry (in `u` mode a valid pair is one code point).
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * UTF-8 bytes of a caller-supplied string. Throws a ValidationError naming `path` for non-strings
 * and for lone surrogates, which TextEncoder would silently turn into U+FFFD: a value that does
 * not decrypt to itself, or two values sharing one blind index.
 */
export function utf8Input(value: unknown, path: string): Uint8Array<ArrayBuffer> {
  if (typeof value !== 'string') throw new ValidationError([{ path, message: 'must be a string' }]);
  if (LONE_SURROGATE.test(value)) {
    throw new ValidationError([{ path, message: 'must be well-formed Unicode (no lone surrogates)' }]);
  }
  return encoder.encode(value);
}
