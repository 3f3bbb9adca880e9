import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rejection } from '../../test/support/catch-error.js';
import { isRetailKitError } from '../errors/retailkit-error.js';
import { createAesGcmCipher } from './aes-gcm-cipher.js';

const URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const key1 = new Uint8Array(32).fill(1);
const key2 = new Uint8Array(32).fill(2);
const indexKey = new Uint8Array(32).fill(9);

const cipherWith = (keys: { id: string; key: Uint8Array }[], currentKeyId: string, index = indexKey) =>
  createAesGcmCipher({ keys, currentKeyId, indexKey: index });

const cipher = cipherWith([{ id: 'k1', key: key1 }], 'k1');

describe('createAesGcmCipher: encrypt and decrypt', () => {
  it.each([
    ['ascii', 'ann@example.com'],
    ['empty', ''],
    ['unicode', 'Zoë Ångström, Łódź, 東京都'],
    ['emoji', '👩‍👩‍👧 🛒 +44 20 7946 0958'],
  ])('round-trips %s text', async (_, plaintext) => {
    const ciphertext = await cipher.encrypt(plaintext);
    expect(ciphertext).not.toContain(plaintext || '\u0000');
    expect(await cipher.decrypt(ciphertext)).toBe(plaintext);
  });

  it('round-trips arbitrary Unicode strings with and without associated data', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary' }),
        fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
        async (plaintext, associatedData) => {
          const options = associatedData === undefined ? {} : { associatedData };
          expect(await cipher.decrypt(await cipher.encrypt(plaintext, options), options)).toBe(plaintext);
        },
      ),
    );
  });

  it('writes the versioned format v1.<keyId>.<iv>.<ciphertext+tag> with a 12-byte IV and 16-byte tag', async () => {
    const ciphertext = await cipher.encrypt('abc');
    const [version, keyId, iv, sealed] = ciphertext.split('.');
    expect(version).toBe('v1');
    expect(keyId).toBe('k1');
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(sealed!, 'base64url')).toHaveLength(3 + 16);
    expect(ciphertext).toMatch(/^v1\.k1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('uses a fresh random IV, so equal plaintexts give different ciphertexts', async () => {
    const ciphertexts = await Promise.all(Array.from({ length: 20 }, () => cipher.encrypt('same')));
    expect(new Set(ciphertexts).size).toBe(20);
    expect(new Set(ciphertexts.map((c) => c.split('.')[2])).size).toBe(20);
  });

  it('rejects strings UTF-8 cannot represent instead of silently altering them', async () => {
    const error = await rejection(cipher.encrypt('bad \uD800 surrogate'));
    expect(isRetailKitError(error, 'VALIDATION_FAILED')).toBe(true);
    expect((error as { issues: { path: string }[] }).issues[0]?.path).toBe('plaintext');
  });
});

describe('createAesGcmCipher: tampering and associated data', () => {
  function flipByte(part: string, index: number): string {
    const bytes = Buffer.from(part, 'base64url');
    bytes[index]! ^= 0x01;
    return bytes.toString('base64url');
  }

  it('rejects a flipped byte in the IV, the ciphertext body and the tag', async () => {
    const [version, keyId, iv, sealed] = (await cipher.encrypt('secret@example.com')).split('.') as [
      string,
      string,
      string,
      string,
    ];
    const sealedLength = Buffer.from(sealed, 'base64url').length;
    const tampered = [
      [version, keyId, flipByte(iv, 0), sealed],
      [version, keyId, flipByte(iv, 11), sealed],
      [version, keyId, iv, flipByte(sealed, 0)],
      [version, keyId, iv, flipByte(sealed, sealedLength - 1)],
    ];
    for (const parts of tampered) {
      const error = await rejection(cipher.decrypt(parts.join('.')));
      expect(isRetailKitError(error, 'CIPHER_DECRYPT_FAILED')).toBe(true);
      expect((error as Error).message).not.toContain('secret');
    }
  });

  it('rejects a changed version or key id', async () => {
    const ciphertext = await cipher.encrypt('x');
    const otherVersion = await rejection(cipher.decrypt(ciphertext.replace(/^v1\./, 'v2.')));
    expect(isRetailKitError(otherVersion, 'CIPHER_DECRYPT_FAILED')).toBe(true);
    const otherKey = await rejection(cipher.decrypt(ciphertext.replace('.k1.', '.k9.')));
    expect(isRetailKitError(otherKey, 'CIPHER_KEY_UNKNOWN')).toBe(true);
    // A known but different key cannot open it either.
    const twoKeys = cipherWith(
      [
        { id: 'k1', key: key1 },
        { id: 'k2', key: key2 },
      ],
      'k1',
    );
    const swapped = await rejection(twoKeys.decrypt(ciphertext.replace('.k1.', '.k2.')));
    expect(isRetailKitError(swapped, 'CIPHER_DECRYPT_FAILED')).toBe(true);
  });

  it('rejects any single-character change anywhere in the string', async () => {
    const ciphertext = await cipher.encrypt('');
    for (let i = 0; i < ciphertext.length; i += 1) {
      // Flipping the lowest bit of a base64url digit also catches lenient decoders that ignore padding bits.
      const digit = URL_ALPHABET.indexOf(ciphertext[i]!);
      const replacement = digit === -1 ? 'A' : URL_ALPHABET[digit ^ 1];
      const changed = ciphertext.slice(0, i) + replacement + ciphertext.slice(i + 1);
      const error = await rejection(cipher.decrypt(changed));
      expect(
        isRetailKitError(error, 'CIPHER_DECRYPT_FAILED') || isRetailKitError(error, 'CIPHER_KEY_UNKNOWN'),
        `position ${i}`,
      ).toBe(true);
    }
  });

  it.each([
    ['an empty string', ''],
    ['plaintext that was never encrypted', 'ann@example.com'],
    ['too few parts', 'v1.k1.AAAAAAAAAAAAAAAA'],
    ['a short IV', 'v1.k1.AAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['a body shorter than the tag', 'v1.k1.AAAAAAAAAAAAAAAA.AAAA'],
    ['padding', 'v1.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA=='],
  ])('rejects %s as malformed', async (_, text) => {
    const error = await rejection(cipher.decrypt(text));
    expect(isRetailKitError(error, 'CIPHER_DECRYPT_FAILED')).toBe(true);
    expect((error as Error).message).not.toContain(text || '\u0000');
  });

  it('binds the ciphertext to its associated data', async () => {
    const associatedData = 'customer:123:email';
    const ciphertext = await cipher.encrypt('ann@example.com', { associatedData });
    expect(await cipher.decrypt(ciphertext, { associatedData })).toBe('ann@example.com');
    for (const options of [
      { associatedData: 'customer:124:email' },
      { associatedData: 'customer:123:phone' },
      {},
    ]) {
      const error = await rejection(cipher.decrypt(ciphertext, options));
      expect(isRetailKitError(error, 'CIPHER_DECRYPT_FAILED')).toBe(true);
      expect((error as Error).message).not.toMatch(/ann@example|customer:12/);
    }
    const withoutData = await cipher.encrypt('ann@example.com');
    const error = await rejection(cipher.decrypt(withoutData, { associatedData }));
    expect(isRetailKitError(error, 'CIPHER_DECRYPT_FAILED')).toBe(true);
  });
});

describe('createAesGcmCipher: key rotation', () => {
  const before = cipherWith([{ id: 'k1', key: key1 }], 'k1');
  const during = cipherWith(
    [
      { id: 'k1', key: key1 },
      { id: 'k2', key: key2 },
    ],
    'k2',
  );
  const after = cipherWith([{ id: 'k2', key: key2 }], 'k2');
  const associatedData = 'customer:7:phone';

  it('decrypts old ciphertexts with the old key and writes new ones with the current key', async () => {
    const old = await before.encrypt('+15550102030', { associatedData });
    expect(await during.decrypt(old, { associatedData })).toBe('+15550102030');
    expect(during.currentKeyId).toBe('k2');
    expect((await during.encrypt('x')).startsWith('v1.k2.')).toBe(true);
  });

  it('reports which ciphertexts still need rotation', async () => {
    const old = await before.encrypt('a');
    const current = await during.encrypt('a');
    expect(during.needsRotation(old)).toBe(true);
    expect(during.needsRotation(current)).toBe(false);
    expect(before.needsRotation(old)).toBe(false);
    expect(during.needsRotation('not a ciphertext')).toBe(true);
  });

  it('rotate re-encrypts under the current key and leaves current ciphertexts alone', async () => {
    const old = await before.encrypt('+15550102030', { associatedData });
    const rotated = await during.rotate(old, { associatedData });
    expect(rotated.startsWith('v1.k2.')).toBe(true);
    expect(during.needsRotation(rotated)).toBe(false);
    expect(await after.decrypt(rotated, { associatedData })).toBe('+15550102030');
    expect(await during.rotate(rotated, { associatedData })).toBe(rotated);
    const wrongData = await rejection(during.rotate(old, { associatedData: 'customer:8:phone' }));
    expect(isRetailKitError(wrongData, 'CIPHER_DECRYPT_FAILED')).toBe(true);
  });

  it('fails with CIPHER_KEY_UNKNOWN once the old key is removed', async () => {
    const old = await before.encrypt('a');
    const error = await rejection(after.decrypt(old));
    expect(isRetailKitError(error, 'CIPHER_KEY_UNKNOWN')).toBe(true);
    expect((error as { details: unknown }).details).toEqual({ keyId: 'k1' });
    expect(isRetailKitError(await rejection(after.rotate(old)), 'CIPHER_KEY_UNKNOWN')).toBe(true);
  });
});

describe('createAesGcmCipher: standard AES-256-GCM (checked against node:crypto)', () => {
  const keyBytes = Buffer.from(key1);

  it('decrypts a value sealed by createCipheriv("aes-256-gcm")', async () => {
    const iv = Buffer.from('000102030405060708090a0b', 'hex');
    const sealer = createCipheriv('aes-256-gcm', keyBytes, iv);
    sealer.setAAD(Buffer.from('customer:1:name', 'utf8'));
    const body = Buffer.concat([sealer.update('Łucja 🛍️', 'utf8'), sealer.final()]);
    const sealed = Buffer.concat([body, sealer.getAuthTag()]);
    const ciphertext = `v1.k1.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
    expect(await cipher.decrypt(ciphertext, { associatedData: 'customer:1:name' })).toBe('Łucja 🛍️');
  });

  it('produces values createDecipheriv("aes-256-gcm") opens', async () => {
    const [, , iv, sealed] = (await cipher.encrypt('ann@example.com', { associatedData: 'c:1' })).split('.');
    const bytes = Buffer.from(sealed!, 'base64url');
    const opener = createDecipheriv('aes-256-gcm', keyBytes, Buffer.from(iv!, 'base64url'));
    opener.setAAD(Buffer.from('c:1', 'utf8'));
    opener.setAuthTag(bytes.subarray(bytes.length - 16));
    const plain = Buffer.concat([opener.update(bytes.subarray(0, bytes.length - 16)), opener.final()]);
    expect(plain.toString('utf8')).toBe('ann@example.com');
  });
});

describe('createAesGcmCipher: blind index', () => {
  it('is HMAC-SHA-256 of purpose NUL value under the index key, base64url', async () => {
    const expected = createHmac('sha256', indexKey)
      .update('customer.email\u0000ann@example.com')
      .digest('base64url');
    expect(await cipher.blindIndex('ann@example.com', 'customer.email')).toBe(expected);
  });

  it('is deterministic across cipher instances and encryption keys', async () => {
    const token = await cipher.blindIndex('ann@example.com', 'customer.email');
    expect(await cipher.blindIndex('ann@example.com', 'customer.email')).toBe(token);
    const rotated = cipherWith([{ id: 'k2', key: key2 }], 'k2');
    expect(await rotated.blindIndex('ann@example.com', 'customer.email')).toBe(token);
  });

  it('differs by purpose, by value and by index key', async () => {
    const token = await cipher.blindIndex('ann@example.com', 'customer.email');
    expect(await cipher.blindIndex('ann@example.com', 'staff.email')).not.toBe(token);
    expect(await cipher.blindIndex('ann@example.org', 'customer.email')).not.toBe(token);
    const otherIndex = cipherWith([{ id: 'k1', key: key1 }], 'k1', new Uint8Array(32).fill(8));
    expect(await otherIndex.blindIndex('ann@example.com', 'customer.email')).not.toBe(token);
  });

  it('rejects a purpose that is empty or contains NUL, which could make tokens collide', async () => {
    for (const purpose of ['', 'a\u0000b']) {
      const error = await rejection(cipher.blindIndex('x', purpose));
      expect(isRetailKitError(error, 'VALIDATION_FAILED')).toBe(true);
      expect((error as { issues: { path: string }[] }).issues[0]?.path).toBe('purpose');
    }
  });
});
