import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeBase64Url, encodeBase64, encodeBase64Url } from './base64.js';

describe('base64', () => {
  it('matches the RFC 4648 encodings and round-trips', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
        const buffer = Buffer.from(bytes);
        expect(encodeBase64(bytes)).toBe(buffer.toString('base64'));
        expect(encodeBase64Url(bytes)).toBe(buffer.toString('base64url'));
        expect(decodeBase64Url(encodeBase64Url(bytes))).toEqual(new Uint8Array(bytes));
        expect(decodeBase64(encodeBase64(bytes))).toEqual(new Uint8Array(bytes));
        expect(decodeBase64(encodeBase64Url(bytes))).toEqual(new Uint8Array(bytes));
      }),
    );
  });

  it('rejects non-canonical and malformed input, so distinct strings never decode to the same bytes', () => {
    expect(decodeBase64Url('AA')).toEqual(new Uint8Array([0]));
    expect(decodeBase64Url('AB')).toBeUndefined(); // stray low bits
    expect(decodeBase64Url('A')).toBeUndefined();
    expect(decodeBase64Url('AA==')).toBeUndefined();
    expect(decodeBase64Url('A+A=')).toBeUndefined();
    expect(decodeBase64('AA=')).toBeUndefined();
    expect(decodeBase64('+/-_')).toBeUndefined(); // mixed alphabets
    expect(decodeBase64('AA AA')).toBeUndefined();
  });
});
