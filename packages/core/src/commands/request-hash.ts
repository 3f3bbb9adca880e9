import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from './canonical-json.js';

/**
 * SHA-256 (hex) of the command name and its validated input. Synchronous on purpose: WebCrypto's
 * async digest costs more than the rest of a command on the in-memory adapter.
 */
export function requestHash(command: string, input: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(`${command}\n${canonicalJson(input)}`)));
}
