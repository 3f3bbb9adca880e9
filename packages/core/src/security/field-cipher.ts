/** Per-call options of {@link FieldCipher.encrypt} and {@link FieldCipher.decrypt}. */
export interface FieldCipherOptions {
  /**
   * Context the ciphertext is bound to, e.g. `customer:123:email`. Decryption needs the same
   * value, so a ciphertext copied into another field or record fails instead of revealing data.
   * It is authenticated, not encrypted, and not stored in the ciphertext.
   */
  readonly associatedData?: string;
}

/**
 * Encrypts personal data field by field, and derives keyed lookup tokens (blind indexes) so
 * encrypted fields can still be found by exact value. The port modules depend on; the default
 * implementation is {@link createAesGcmCipher}.
 */
export interface FieldCipher {
  /** Id of the key new ciphertexts are written with. */
  readonly currentKeyId: string;
  /** Encrypts `plaintext` with the current key into a self-describing string. */
  encrypt(plaintext: string, options?: FieldCipherOptions): Promise<string>;
  /**
   * Decrypts a string produced by {@link FieldCipher.encrypt} with any configured key. Throws
   * `CIPHER_KEY_UNKNOWN` when its key is not configured and `CIPHER_DECRYPT_FAILED` when it is
   * malformed, altered, or bound to other associated data.
   */
  decrypt(ciphertext: string, options?: FieldCipherOptions): Promise<string>;
  /**
   * A deterministic keyed token for `value` within `purpose` (e.g. `customer.email`), for
   * equality lookups. Normalise `value` first (see {@link normalizeEmail}).
   */
  blindIndex(value: string, purpose: string): Promise<string>;
  /** Whether `ciphertext` was not written with the current key (and so should be re-encrypted). */
  needsRotation(ciphertext: string): boolean;
}
