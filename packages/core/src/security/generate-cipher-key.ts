import { encodeBase64 } from './base64.js';
import { webCrypto } from './web-crypto.js';

/**
 * A new random 32-byte key as standard base64, for `keys[].key` or `indexKey` of
 * {@link createAesGcmCipher}. Generate each key separately and keep it in a secret store.
 *
 * @example
 * ```ts
 * const cipher = createAesGcmCipher({
 *   keys: [{ id: '2025-01', key: generateCipherKey() }],
 *   currentKeyId: '2025-01',
 *   indexKey: generateCipherKey(),
 * });
 * ```
 */
export function generateCipherKey(): string {
  return encodeBase64(webCrypto().getRandomValues(new Uint8Array(32)));
}
