/**
 * A six-digit pickup code from the platform's CSPRNG (Web Crypto, in Node 20 and browsers), drawn
 * without modulo bias, so codes cannot be guessed from order ids or times.
 */
export function pickupCode(): string {
  const buffer = new Uint32Array(1);
  const limit = 4_294_000_000; // the largest multiple of 10^6 below 2^32
  for (;;) {
    globalThis.crypto.getRandomValues(buffer);
    const value = buffer[0] as number;
    if (value < limit) return String(value % 1_000_000).padStart(6, '0');
  }
}
