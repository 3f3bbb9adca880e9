import { canonicalJson } from './canonical-json.js';

/** SHA-256 (hex) of the command name and its validated input, through WebCrypto. */
export async function requestHash(command: string, input: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(`${command}\n${canonicalJson(input)}`);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
