/** One page of search results. */
export type Page<T> = {
  /** The records of this page, in order. */
  readonly items: readonly T[];
  /** Pass it as `after` to get the next page; null on the last page. */
  readonly nextCursor: string | null;
};
