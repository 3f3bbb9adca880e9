import { describe, expect, it } from 'vitest';
import type { ValidationError } from '../errors/error-classes.js';
import { isRetailKitError } from '../errors/retailkit-error.js';
import { createAesGcmCipher } from './aes-gcm-cipher.js';
import type { AesGcmCipherConfig } from './aes-gcm-cipher-config.js';
import { generateCipherKey } from './generate-cipher-key.js';

const key = (fill: number, length = 32) => new Uint8Array(length).fill(fill);
const valid: AesGcmCipherConfig = { keys: [{ id: 'k1', key: key(1) }], currentKeyId: 'k1', indexKey: key(9) };

function issuesOf(config: unknown): { path: string; message: string }[] {
  try {
    createAesGcmCipher(config as AesGcmCipherConfig);
  } catch (error) {
    expect(isRetailKitError(error, 'VALIDATION_FAILED')).toBe(true);
    return [...(error as ValidationError).issues];
  }
  throw new Error('expected a ValidationError');
}

const pathsOf = (config: unknown) => issuesOf(config).map((issue) => issue.path);

describe('createAesGcmCipher config validation', () => {
  it('names the key that is not exactly 32 bytes', () => {
    const issues = issuesOf({
      ...valid,
      keys: [
        { id: 'k1', key: key(1) },
        { id: 'k2', key: key(2, 16) },
      ],
    });
    expect(issues).toEqual([
      { path: 'keys.1.key', message: expect.stringMatching(/exactly 32 bytes.*got 16/) },
    ]);
    expect(pathsOf({ ...valid, keys: [{ id: 'k1', key: key(1, 33) }] })).toEqual(['keys.0.key']);
    expect(pathsOf({ ...valid, keys: [{ id: 'k1', key: 'not base64!' }] })).toEqual(['keys.0.key']);
    expect(pathsOf({ ...valid, keys: [{ id: 'k1', key: 42 }] })).toEqual(['keys.0.key']);
  });

  it('requires currentKeyId to be one of the keys', () => {
    expect(pathsOf({ ...valid, currentKeyId: 'k2' })).toEqual(['currentKeyId']);
  });

  it('rejects duplicate key ids', () => {
    const config = { ...valid, keys: [valid.keys[0], { id: 'k1', key: key(2) }] };
    expect(pathsOf(config)).toEqual(['keys.1.id']);
  });

  it('rejects key ids that cannot be written into the ciphertext format', () => {
    for (const id of ['', 'k.1', 'k 1', 'ключ', 'k'.repeat(65)]) {
      expect(pathsOf({ ...valid, keys: [{ id, key: key(1) }], currentKeyId: id })).toContain('keys.0.id');
    }
  });

  it('requires at least one key', () => {
    expect(pathsOf({ ...valid, keys: [] })).toContain('keys');
  });

  it('requires an index key of at least 32 bytes that is not an encryption key', () => {
    expect(pathsOf({ ...valid, indexKey: key(9, 31) })).toEqual(['indexKey']);
    expect(pathsOf({ ...valid, indexKey: key(1) })).toEqual(['indexKey']);
    expect(() => createAesGcmCipher({ ...valid, indexKey: key(9, 64) })).not.toThrow();
  });

  it('accepts base64 keys such as generateCipherKey() returns', async () => {
    const cipher = createAesGcmCipher({
      keys: [{ id: '2025-01_a', key: generateCipherKey() }],
      currentKeyId: '2025-01_a',
      indexKey: generateCipherKey(),
    });
    expect(await cipher.decrypt(await cipher.encrypt('hello'))).toBe('hello');
  });

  it('copies key bytes, so later changes to the caller buffer do not affect the cipher', async () => {
    const bytes = key(5);
    const cipher = createAesGcmCipher({
      keys: [{ id: 'k', key: bytes }],
      currentKeyId: 'k',
      indexKey: key(9),
    });
    bytes.fill(0);
    const reference = createAesGcmCipher({
      keys: [{ id: 'k', key: key(5) }],
      currentKeyId: 'k',
      indexKey: key(6),
    });
    expect(await reference.decrypt(await cipher.encrypt('still key 5'))).toBe('still key 5');
  });
});
