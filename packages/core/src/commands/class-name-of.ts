/**
 * The class name of an object that is not plain data (a Date, a Map, a Money), or undefined for a
 * plain object (one made by `{}` or `Object.create(null)`) and for arrays.
 */
export function classNameOf(value: object): string | undefined {
  if (Array.isArray(value)) return undefined;
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) return undefined;
  return (prototype as { constructor?: { name?: string } }).constructor?.name || 'class instance';
}
