import { decodeBase64Url, encodeBase64Url } from './base64.js';

/** The format version written by this code; bump it when the layout or algorithm changes. */
export const CIPHERTEXT_VERSION = 'v1';

/** Allowed key ids: they are written verbatim into every ciphertext, so no `.` and nothing to escape. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** AES-GCM nonce length in bytes (96 bits, the size GCM is specified for). */
export const IV_BYTES = 12;

/** AES-GCM authentication tag length in bytes (128 bits). */
export const TAG_BYTES = 16;

/** The parts of a `v1.<keyId>.<iv>.<ciphertext+tag>` string. */
export interface CiphertextParts {
  /** Id of the key that sealed the value. */
  readonly keyId: string;
  /** The 12-byte nonce. */
  readonly iv: Uint8Array<ArrayBuffer>;
  /** AES-GCM output: the encrypted bytes followed by the 16-byte tag. */
  readonly sealed: Uint8Array<ArrayBuffer>;
}

/** Writes the self-describing ciphertext string. */
export function formatCiphertext(parts: CiphertextParts): string {
  return [CIPHERTEXT_VERSION, parts.keyId, encodeBase64Url(parts.iv), encodeBase64Url(parts.sealed)].join(
    '.',
  );
}

/** Reads a ciphertext string; `undefined` when it is not a well-formed v1 ciphertext. */
export function parseCiphertext(text: string): CiphertextParts | undefined {
  const fields = text.split('.');
  if (fields.length !== 4) return undefined;
  const [version, keyId, ivText, sealedText] = fields as [string, string, string, string];
  if (version !== CIPHERTEXT_VERSION || !KEY_ID_PATTERN.test(keyId)) return undefined;
  const iv = decodeBase64Url(ivText);
  const sealed = decodeBase64Url(sealedText);
  if (iv?.length !== IV_BYTES || sealed === undefined || sealed.length < TAG_BYTES) return undefined;
  return { keyId, iv, sealed };
}
