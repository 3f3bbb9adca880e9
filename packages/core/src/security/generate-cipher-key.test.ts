import { describe, expect, it } from 'vitest';
import { generateCipherKey } from './generate-cipher-key.js';

describe('generateCipherKey', () => {
  it('returns a fresh 32-byte key as standard base64', () => {
    const key = generateCipherKey();
    expect(key).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    expect(generateCipherKey()).not.toBe(key);
  });
});
