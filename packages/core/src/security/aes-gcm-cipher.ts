import { ValidationError } from '../errors/error-classes.js';
import { RetailKitError } from '../errors/retailkit-error.js';
import { parseInput } from '../validation/parse-input.js';
import { type AesGcmCipherConfig, aesGcmCipherConfigSchema } from './aes-gcm-cipher-config.js';
import { encodeBase64Url } from './base64.js';
import { formatCiphertext, IV_BYTES, parseCiphertext, TAG_BYTES } from './ciphertext-format.js';
import type { FieldCipher, FieldCipherOptions } from './field-cipher.js';
import { utf8Input } from './utf8-input.js';
import { type SubtleKey, webCrypto } from './web-crypto.js';

/** The default {@link FieldCipher}: AES-256-GCM with key ids, plus re-encryption for key rotation. */
export interface AesGcmCipher extends FieldCipher {
  /**
   * Re-encrypts `ciphertext` with the current key (same associated data). Returns it unchanged,
   * without decrypting, when it already uses the current key.
   */
  rotate(ciphertext: string, options?: FieldCipherOptions): Promise<string>;
}

// A fixed message: it must never echo plaintext, ciphertext or associated data.
const DECRYPT_FAILED_MESSAGE =
  'Could not decrypt the field: the ciphertext is malformed or was altered, or the associated data does not match';

const decoder = new TextDecoder('utf-8', { fatal: true });

function decryptFailed(reason: 'malformed' | 'authentication', cause?: unknown): RetailKitError {
  return new RetailKitError('CIPHER_DECRYPT_FAILED', DECRYPT_FAILED_MESSAGE, {
    details: { reason },
    ...(cause === undefined ? {} : { cause }),
  });
}

function associatedDataOf(options: FieldCipherOptions | undefined): Uint8Array<ArrayBuffer> | undefined {
  const value = options?.associatedData;
  return value === undefined ? undefined : utf8Input(value, 'options.associatedData');
}

/**
 * Creates the default field cipher: AES-256-GCM (random 96-bit IV, 128-bit tag) through WebCrypto,
 * writing `v1.<keyId>.<iv>.<ciphertext+tag>` (base64url parts). Every listed key decrypts; new
 * values use `currentKeyId`. Blind indexes are HMAC-SHA-256 under the separate `indexKey`.
 * Throws a ValidationError naming the field (e.g. `keys.0.key`) for a bad config.
 *
 * @example
 * ```ts
 * const cipher = createAesGcmCipher({ keys: [{ id: 'k1', key: process.env.PII_KEY_K1! }],
 *   currentKeyId: 'k1', indexKey: process.env.PII_INDEX_KEY! });
 * const email = await cipher.encrypt('ann@example.com', { associatedData: 'customer:123:email' });
 * const lookup = await cipher.blindIndex(normalizeEmail('Ann@Example.com'), 'customer.email');
 * ```
 */
export function createAesGcmCipher(config: AesGcmCipherConfig): AesGcmCipher {
  const parsed = parseInput(aesGcmCipherConfigSchema, config, 'AES-GCM cipher config');
  const crypto = webCrypto();
  const { subtle } = crypto;
  const { currentKeyId } = parsed;

  // Keys are imported lazily (so creation stays synchronous), once, as non-extractable handles;
  // the raw bytes are dropped once imported.
  const rawKeys = new Map(parsed.keys.map(({ id, key }) => [id, key]));
  const aesKeys = new Map<string, Promise<SubtleKey>>();
  let rawIndexKey: Uint8Array | undefined = parsed.indexKey;
  let hmacKey: Promise<SubtleKey> | undefined;

  function aesKey(id: string): Promise<SubtleKey> | undefined {
    let key = aesKeys.get(id);
    const raw = rawKeys.get(id);
    if (key === undefined && raw !== undefined) {
      key = subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
      aesKeys.set(id, key);
      rawKeys.delete(id);
    }
    return key;
  }

  function indexKey(): Promise<SubtleKey> {
    if (hmacKey === undefined && rawIndexKey !== undefined) {
      hmacKey = subtle.importKey('raw', rawIndexKey, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      rawIndexKey = undefined;
    }
    return hmacKey as Promise<SubtleKey>;
  }

  async function encrypt(plaintext: string, options?: FieldCipherOptions): Promise<string> {
    const data = utf8Input(plaintext, 'plaintext');
    const additionalData = associatedDataOf(options);
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const sealed = await subtle.encrypt(
      { name: 'AES-GCM', iv, tagLength: TAG_BYTES * 8, ...(additionalData ? { additionalData } : {}) },
      await aesKey(currentKeyId)!,
      data,
    );
    return formatCiphertext({ keyId: currentKeyId, iv, sealed: new Uint8Array(sealed) });
  }

  async function decrypt(ciphertext: string, options?: FieldCipherOptions): Promise<string> {
    if (typeof ciphertext !== 'string') {
      throw new ValidationError([{ path: 'ciphertext', message: 'must be a string' }]);
    }
    const additionalData = associatedDataOf(options);
    const parts = parseCiphertext(ciphertext);
    if (parts === undefined) throw decryptFailed('malformed');
    const key = aesKey(parts.keyId);
    if (key === undefined) {
      throw new RetailKitError(
        'CIPHER_KEY_UNKNOWN',
        `No key with id "${parts.keyId}" is configured to decrypt this field; it may have been retired before its data was rotated`,
        { details: { keyId: parts.keyId } },
      );
    }
    let plain: ArrayBuffer;
    try {
      plain = await subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: parts.iv,
          tagLength: TAG_BYTES * 8,
          ...(additionalData ? { additionalData } : {}),
        },
        await key,
        parts.sealed,
      );
    } catch (error) {
      throw decryptFailed('authentication', error);
    }
    try {
      return decoder.decode(plain);
    } catch (error) {
      // Authentic but not UTF-8: sealed by another tool, not by encrypt().
      throw decryptFailed('malformed', error);
    }
  }

  async function blindIndex(value: string, purpose: string): Promise<string> {
    if (typeof purpose !== 'string' || purpose.length === 0 || purpose.includes('\u0000')) {
      // NUL separates purpose from value; allowing it in purpose would let two pairs collide.
      throw new ValidationError([
        { path: 'purpose', message: 'must be a non-empty string without NUL characters' },
      ]);
    }
    const purposeBytes = utf8Input(purpose, 'purpose');
    const valueBytes = utf8Input(value, 'value');
    const message = new Uint8Array(purposeBytes.length + 1 + valueBytes.length);
    message.set(purposeBytes);
    message.set(valueBytes, purposeBytes.length + 1);
    return encodeBase64Url(new Uint8Array(await subtle.sign('HMAC', await indexKey(), message)));
  }

  function needsRotation(ciphertext: string): boolean {
    // Anything unreadable is "not under the current key"; rotating it then surfaces the error.
    return parseCiphertext(ciphertext)?.keyId !== currentKeyId;
  }

  async function rotate(ciphertext: string, options?: FieldCipherOptions): Promise<string> {
    if (!needsRotation(ciphertext)) return ciphertext;
    return encrypt(await decrypt(ciphertext, options), options);
  }

  return Object.freeze({ currentKeyId, encrypt, decrypt, blindIndex, needsRotation, rotate });
}
