import { z } from 'zod';
import { decodeBase64 } from './base64.js';
import { KEY_ID_PATTERN } from './ciphertext-format.js';

/** Raw key bytes, or the same bytes as a base64 (or base64url) string, e.g. from {@link generateCipherKey}. */
export type KeyMaterial = Uint8Array | string;

/** One AES-256 key the cipher can decrypt with. */
export interface AesGcmKeyConfig {
  /** Stable id written into each ciphertext: 1–64 characters of `A-Z a-z 0-9 _ -`. */
  readonly id: string;
  /** Exactly 32 bytes. */
  readonly key: KeyMaterial;
}

/** Configuration of {@link createAesGcmCipher}. */
export interface AesGcmCipherConfig {
  /** Every key that may have written stored ciphertexts; keep old ones until data is rotated. */
  readonly keys: readonly AesGcmKeyConfig[];
  /** Id (among `keys`) used for new encryptions. */
  readonly currentKeyId: string;
  /** HMAC key for blind indexes: at least 32 bytes, distinct from every encryption key. */
  readonly indexKey: KeyMaterial;
}

/** {@link AesGcmCipherConfig} after validation, with keys decoded to private copies of their bytes. */
export interface ParsedAesGcmCipherConfig {
  /** The decoded encryption keys. */
  readonly keys: readonly {
    /** The key id. */
    readonly id: string;
    /** The 32 key bytes. */
    readonly key: Uint8Array;
  }[];
  /** Id used for new encryptions. */
  readonly currentKeyId: string;
  /** The decoded blind-index key. */
  readonly indexKey: Uint8Array;
}

const KEY_BYTES = 32;

function keyMaterialSchema(describe: string, accepts: (length: number) => boolean) {
  return z
    .custom<KeyMaterial>((value) => typeof value === 'string' || value instanceof Uint8Array, {
      message: 'must be a Uint8Array or a base64 string',
    })
    .transform((value, ctx) => {
      // Copied, so a caller reusing or zeroing its buffer cannot change the cipher's keys.
      const bytes = typeof value === 'string' ? decodeBase64(value.trim()) : new Uint8Array(value);
      if (bytes === undefined) {
        ctx.addIssue({ code: 'custom', message: 'must be valid base64', input: value });
        return z.NEVER;
      }
      if (!accepts(bytes.length)) {
        ctx.addIssue({ code: 'custom', message: `must be ${describe}, got ${bytes.length}`, input: value });
        return z.NEVER;
      }
      return bytes;
    });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Validates {@link AesGcmCipherConfig}; issues name the field, e.g. `keys.1.key` or `currentKeyId`. */
export const aesGcmCipherConfigSchema: z.ZodType<ParsedAesGcmCipherConfig, AesGcmCipherConfig> = z
  .object({
    keys: z
      .array(
        z.object({
          id: z.string().regex(KEY_ID_PATTERN, 'must be 1-64 characters of A-Z, a-z, 0-9, _ or -'),
          key: keyMaterialSchema(`exactly ${KEY_BYTES} bytes (AES-256)`, (n) => n === KEY_BYTES),
        }),
      )
      .min(1, 'must list at least one key'),
    currentKeyId: z.string(),
    indexKey: keyMaterialSchema(`at least ${KEY_BYTES} bytes`, (n) => n >= KEY_BYTES),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.keys.forEach(({ id }, index) => {
      if (seen.has(id))
        ctx.addIssue({ code: 'custom', message: `duplicate key id "${id}"`, path: ['keys', index, 'id'] });
      seen.add(id);
    });
    if (!seen.has(config.currentKeyId)) {
      ctx.addIssue({ code: 'custom', message: 'must be the id of one of the keys', path: ['currentKeyId'] });
    }
    // One key for two algorithms couples their security; a copy-paste slip should fail loudly.
    if (config.keys.some(({ key }) => sameBytes(key, config.indexKey))) {
      ctx.addIssue({ code: 'custom', message: 'must differ from every encryption key', path: ['indexKey'] });
    }
  });
