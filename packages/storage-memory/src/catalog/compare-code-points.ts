/**
 * Compares two strings by Unicode code point, as UTF-8 bytes compare (and SQL's binary or "C"
 * collations): `<` compares UTF-16 code units, which puts U+FF5E after U+1F600.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate belongs to a code point above U+FFFF, which outranks every BMP code point.
    const xAstral = x >= 0xd800 && x <= 0xdfff;
    const yAstral = y >= 0xd800 && y <= 0xdfff;
    if (xAstral === yAstral) return x < y ? -1 : 1;
    return xAstral ? 1 : -1;
  }
  return a.length - b.length;
}
