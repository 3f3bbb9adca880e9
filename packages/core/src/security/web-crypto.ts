import { RetailKitError } from '../errors/retailkit-error.js';

/** WebCrypto's SubtleCrypto, typed from the global so no platform module is imported. */
export type Subtle = typeof globalThis.crypto.subtle;

/** A WebCrypto key handle; kept internal so public types stay platform-neutral. */
export type SubtleKey = Awaited<ReturnType<Subtle['importKey']>>;

/** The global WebCrypto object (Node 20+, browsers in secure contexts, Deno, Workers), or an INTERNAL error. */
export function webCrypto(): typeof globalThis.crypto {
  const crypto = (globalThis as { crypto?: typeof globalThis.crypto }).crypto;
  if (crypto?.subtle === undefined) {
    throw new RetailKitError(
      'INTERNAL',
      'WebCrypto (globalThis.crypto.subtle) is not available; field encryption needs Node 20+, a secure browser context, Deno or Workers',
    );
  }
  return crypto;
}
