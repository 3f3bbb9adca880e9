// Hand-written rather than btoa/atob: those work on binary strings and accept non-canonical input
// (ignored whitespace, stray low bits), which would let a tampered ciphertext part decode to the
// same bytes. Decoding here is strict, so every distinct string is a distinct byte sequence.

const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const STANDARD_VALUES = valueTable(STANDARD);
const URL_SAFE_VALUES = valueTable(URL_SAFE);

function valueTable(alphabet: string): ReadonlyMap<string, number> {
  return new Map([...alphabet].map((char, index) => [char, index]));
}

function encode(bytes: Uint8Array, alphabet: string): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const remaining = bytes.length - i;
    out += alphabet[b0 >> 2];
    out += alphabet[((b0 & 0x03) << 4) | (b1 >> 4)];
    if (remaining > 1) out += alphabet[((b1 & 0x0f) << 2) | (b2 >> 6)];
    if (remaining > 2) out += alphabet[b2 & 0x3f];
  }
  return out;
}

/** Standard base64 with `=` padding (RFC 4648 §4), the form key tools such as `openssl rand -base64` print. */
export function encodeBase64(bytes: Uint8Array): string {
  const text = encode(bytes, STANDARD);
  return text + '='.repeat((4 - (text.length % 4)) % 4);
}

/** Unpadded base64url (RFC 4648 §5): safe in URLs, file names and the dotted ciphertext format. */
export function encodeBase64Url(bytes: Uint8Array): string {
  return encode(bytes, URL_SAFE);
}

function decode(text: string, values: ReadonlyMap<string, number>): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let written = 0;
  for (const char of text) {
    const value = values.get(char);
    if (value === undefined) return undefined;
    buffer = ((buffer << 6) | value) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[written] = (buffer >> bits) & 0xff;
      written += 1;
    }
  }
  // Leftover bits must be zero, or two different strings would decode to the same bytes.
  if ((buffer & ((1 << bits) - 1)) !== 0) return undefined;
  return out;
}

/** Decodes unpadded base64url strictly; `undefined` for anything that is not its canonical form. */
export function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  return decode(text, URL_SAFE_VALUES);
}

/**
 * Decodes standard base64 (padding optional) or base64url strictly; `undefined` when malformed.
 * Accepts both alphabets because keys are pasted from tools that print either.
 */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  const unpadded = text.replace(/={1,2}$/, '');
  if (unpadded.length !== text.length && text.length % 4 !== 0) return undefined;
  return decode(unpadded, /[+/]/.test(unpadded) ? STANDARD_VALUES : URL_SAFE_VALUES);
}
