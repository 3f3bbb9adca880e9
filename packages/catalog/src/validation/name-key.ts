/**
 * The search key of a name: NFKC-normalised and lower-cased, so `ＴＥＥ`, `Tee` and `tee` find each
 * other. Computed here, never in an adapter, so every backend matches and orders alike.
 *
 * @example
 * ```ts
 * nameKey('Café Crème'); // 'café crème'
 * ```
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}
