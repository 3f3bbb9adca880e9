/** A permission name, `<area>.<action>`, e.g. `inventory.adjust`. Each command declares one. */
export type Permission = `${string}.${string}`;

/** A permission or a wildcard: `*` (everything) or `<area>.*` (everything in an area). */
export type PermissionPattern = Permission | `${string}.*` | '*';

/** Whether `pattern` grants `permission`. */
export function permissionMatches(pattern: PermissionPattern, permission: Permission): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return permission.startsWith(pattern.slice(0, -1));
  return pattern === permission;
}
