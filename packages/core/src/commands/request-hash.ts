import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';
import { hexString } from '../ids/hex-string.js';
import { canonicalJson } from './canonical-json.js';

// Allocated once: fresh typed arrays for every hash (noble's hasher, its views, the message and the
// digest) cost more than the hashing itself. `requestHash` is synchronous, so it never re-enters.
const emptyHasher = sha256.create();
const hasher = sha256.create();
const digest = new Uint8Array(hasher.outputLen);
const encoder = new TextEncoder();
// Reused for requests up to this many UTF-16 units (at most 3 UTF-8 bytes each); larger ones,
// rare, get their own bytes rather than growing a buffer that would stay for the process.
const REUSED_CHARS = 16_384;
const message = new Uint8Array(REUSED_CHARS * 3);

/**
 * SHA-256 (hex) of the command name and its validated input. Synchronous on purpose: WebCrypto's
 * async digest costs more than the rest of a command on the in-memory adapter.
 */
export function requestHash(command: string, input: unknown): string {
  const text = `${command}\n${canonicalJson(input)}`;
  const bytes =
    text.length <= REUSED_CHARS
      ? message.subarray(0, encoder.encodeInto(text, message).written)
      : utf8ToBytes(text);
  // noble's documented fast path: `_cloneInto` resets `hasher` to the empty state in place.
  emptyHasher._cloneInto(hasher).update(bytes).digestInto(digest);
  return hexString(digest);
}
