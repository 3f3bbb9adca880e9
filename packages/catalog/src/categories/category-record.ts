/** A category as stored: a node of the category tree. */
export type CategoryRecord = {
  /** The category id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** The parent category, or null for a root. */
  readonly parentId: string | null;
  /**
   * The ids from the root down to this category, each followed by `/`: `/food/dairy/` for `dairy`
   * under `food`. A subtree is every category whose path starts with this one's.
   */
  readonly path: string;
  /** Optimistic concurrency version: 1 on creation, one more per change (moves of an ancestor included). */
  readonly version: number;
  /** When it was created (ISO-8601 UTC). */
  readonly createdAt: string;
  /** When it last changed (ISO-8601 UTC). */
  readonly updatedAt: string;
};
