import { base64, base64nopad, base64url, base64urlnopad } from '@scure/base';

// Through @scure/base rather than btoa/atob: those accept non-canonical input (ignored whitespace,
// stray low bits), which would let a tampered ciphertext part decode to the same bytes. These
// decoders are strict, so every distinct string is a distinct byte sequence.

type Decoder = { decode(text: string): Uint8Array };

function strictly(decoder: Decoder, text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return new Uint8Array(decoder.decode(text));
  } catch {
    return undefined;
  }
}

/** Standard base64 with `=` padding (RFC 4648 §4), the form key tools such as `openssl rand -base64` print. */
export function encodeBase64(bytes: Uint8Array): string {
  return base64.encode(bytes);
}

/** Unpadded base64url (RFC 4648 §5): safe in URLs, file names and the dotted ciphertext format. */
export function encodeBase64Url(bytes: Uint8Array): string {
  return base64urlnopad.encode(bytes);
}

/** Decodes unpadded base64url strictly; `undefined` for anything that is not its canonical form. */
export function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  return strictly(base64urlnopad, text);
}

/**
 * Decodes standard base64 or base64url, padded or not, strictly; `undefined` when malformed.
 * Accepts both alphabets because keys are pasted from tools that print either.
 */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  const padded = text.endsWith('=');
  if (/[+/]/.test(text)) return strictly(padded ? base64 : base64nopad, text);
  return strictly(padded ? base64url : base64urlnopad, text);
}
