/** The path of a category: its parent's path (`/` for a root) followed by its id and `/`. */
export function categoryPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}
