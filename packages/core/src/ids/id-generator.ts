import { uuidv7obj, V7Generator } from 'uuidv7';
import { hexString } from './hex-string.js';

/** Produces unique, time-sortable ids. Injected so tests can make them deterministic. */
export interface IdGenerator {
  /** A new unique id. */
  next(): string;
}

// The 8-4-4-4-12 form. uuidv7's own toString() builds it a character at a time, a rope that V8
// keeps alongside every stored id; hexString builds it in one piece.
const UUID_HYPHENS = [4, 6, 8, 10];

/**
 * uuidv7's default source refills 32 bytes per crypto.getRandomValues call, whose fixed cost then
 * shows on every command; this one draws 4 KiB at a time from the same CSPRNG.
 */
class BufferedCryptoRandom {
  readonly #words = new Uint32Array(1024);
  #next = this.#words.length;

  nextUint32(): number {
    if (this.#next === this.#words.length) {
      crypto.getRandomValues(this.#words);
      this.#next = 0;
    }
    return this.#words[this.#next++] as number;
  }
}

// Without WebCrypto, uuidv7's own generator decides what to do (it has a fallback).
const generator =
  typeof globalThis.crypto?.getRandomValues === 'function'
    ? new V7Generator(new BufferedCryptoRandom())
    : undefined;

/** The default id generator: UUIDv7 (RFC 9562), monotonic within a process. */
export const uuidV7Ids: IdGenerator = Object.freeze({
  next: () => hexString((generator ? generator.generate() : uuidv7obj()).bytes, UUID_HYPHENS),
});

/** A deterministic generator for tests: `prefix-000001`, `prefix-000002`, ... (sortable). */
export function sequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return {
    next: () => {
      n += 1;
      return `${prefix}-${String(n).padStart(6, '0')}`;
    },
  };
}
