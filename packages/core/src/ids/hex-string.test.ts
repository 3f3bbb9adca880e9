import { bytesToHex } from '@noble/hashes/utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hexString } from './hex-string.js';

describe('hexString', () => {
  it('is lowercase hex, two digits per byte (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(hexString(bytes)).toBe(bytesToHex(bytes));
      }),
    );
  });

  it('puts a hyphen before each listed byte', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
    expect(hexString(bytes, [4, 6, 8, 10])).toBe('00112233-4455-6677-8899-aabbccddeeff');
  });
});
