const HEX_DIGITS = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));
const HYPHEN = 0x2d;

/**
 * Lowercase hex of `bytes`, with a hyphen before each byte index in `hyphensBefore` (a UUID's
 * 8-4-4-4-12 form is `[4, 6, 8, 10]`). Built from character codes in one piece: appending a digit
 * at a time, as common hex helpers do, leaves V8 a chain of rope nodes behind every string kept
 * (about 1 KB for a SHA-256), in every stored row, event and idempotency record.
 */
export function hexString(bytes: Uint8Array, hyphensBefore: readonly number[] = []): string {
  const codes: number[] = [];
  let nextHyphen = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (hyphensBefore[nextHyphen] === i) {
      codes.push(HYPHEN);
      nextHyphen += 1;
    }
    const byte = bytes[i] as number;
    codes.push(HEX_DIGITS[byte >>> 4] as number, HEX_DIGITS[byte & 0x0f] as number);
  }
  return String.fromCharCode.apply(null, codes);
}
