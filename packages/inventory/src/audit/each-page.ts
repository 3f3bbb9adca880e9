import type { Page, PageRequest } from '../storage/inventory-repository.js';

/** Rows per page when a whole listing is walked. */
export const AUDIT_PAGE_SIZE = 500;

/** Walks a listing page by page, handing each page's rows to `visit`, so no listing is loaded whole. */
export async function eachPage<T>(
  list: (page: PageRequest) => Promise<Page<T>>,
  visit: (rows: readonly T[]) => void | Promise<void>,
): Promise<void> {
  let after: string | undefined;
  do {
    const page = await list({ limit: AUDIT_PAGE_SIZE, after });
    await visit(page.items);
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
}
