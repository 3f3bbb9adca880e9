import { ValidationError } from '@retailkit/core';
import type { PageKey } from './page-key.js';

// A cursor is the page key as JSON, in unpadded base64url: opaque to callers and safe in URLs.
// Built here rather than in adapters, so every backend hands out the same cursors.

/** The opaque cursor of the page that follows `key`. */
export function encodePageCursor(key: PageKey): string {
  const bytes = new TextEncoder().encode(JSON.stringify([key.nameKey, key.id]));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The page key inside a cursor from {@link encodePageCursor}; a ValidationError on `after` otherwise. */
export function decodePageCursor(cursor: string): PageKey {
  const refuse = () =>
    new ValidationError([{ path: 'after', message: 'is not a cursor this catalog handed out' }], {
      context: 'page cursor',
    });
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
  let parsed: unknown;
  try {
    const binary = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw refuse();
  const [nameKey, id] = parsed as unknown[];
  if (typeof nameKey !== 'string' || typeof id !== 'string' || id === '') throw refuse();
  return { nameKey, id };
}
