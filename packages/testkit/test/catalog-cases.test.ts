import type { CatalogRepository } from '@retailkit/catalog';
import { createMemoryStorage, type MemoryStorage } from '@retailkit/storage-memory';
import { describe, expect, it } from 'vitest';
import { CATALOG_CONFORMANCE_IDS, catalogConformanceCases } from '../src/index.js';
import { failedChecks as failedChecksOf, patchedMemoryStorage } from './support/broken-adapters.js';

/** The in-memory adapter with some catalog operations replaced by flawed ones. */
function withCatalog(
  name: string,
  flaw: (inner: CatalogRepository) => Partial<CatalogRepository>,
): () => MemoryStorage {
  return patchedMemoryStorage(name, (tx) => ({ ...tx, catalog: { ...tx.catalog, ...flaw(tx.catalog) } }));
}

/** The ids of the catalog checks that an adapter fails. */
function failedChecks(create: () => MemoryStorage): Promise<string[]> {
  return failedChecksOf(create, catalogConformanceCases);
}

/** A LIKE pattern used without escaping: `%` and `_` in the prefix act as wildcards. */
function likeUnescaped(prefix: string): RegExp {
  const pattern = [...prefix].map((c) =>
    c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'),
  );
  return new RegExp(`^${pattern.join('')}`, 's');
}

describe('the catalog conformance suite', () => {
  it('passes on the in-memory adapter', async () => {
    expect(await failedChecks(() => createMemoryStorage())).toEqual([]);
  });

  it('catches a barcode claim that does not enforce uniqueness', async () => {
    const failed = await failedChecks(
      withCatalog('overwriting-claims', () => ({ claimBarcode: async () => true })),
    );
    expect(failed).toEqual(
      expect.arrayContaining([
        'catalog.barcode.unique-across-lengths',
        'catalog.barcode.concurrent-claims-one-wins',
        'catalog.barcode.repository-claim-is-atomic',
      ]),
    );
  });

  it('catches searches ordered by UTF-16 code units instead of code points', async () => {
    const utf16 = <T extends { nameKey: string }>(rows: readonly T[], id: (row: T) => string) =>
      [...rows].sort((a, b) =>
        a.nameKey !== b.nameKey
          ? a.nameKey < b.nameKey
            ? -1
            : 1
          : id(a) < id(b)
            ? -1
            : id(a) > id(b)
              ? 1
              : 0,
      );
    const failed = await failedChecks(
      withCatalog('utf16-order', (inner) => ({
        // The whole result in UTF-16 order, then cut: the page boundaries follow the wrong order.
        searchSkus: async (filter, page) =>
          utf16(await inner.searchSkus(filter, { limit: 100_000 }), (s) => s.code)
            .filter(
              (s) =>
                !page.after ||
                s.nameKey > page.after.nameKey ||
                (s.nameKey === page.after.nameKey && s.code > page.after.id),
            )
            .slice(0, page.limit),
      })),
    );
    expect(failed).toContain('catalog.search.order-and-pagination');
  });

  it('catches LIKE patterns built without escaping, and a move that forgets the subtree', async () => {
    const wildcards = await failedChecks(
      withCatalog('like-wildcards', (inner) => ({
        searchSkus: async (filter, page) => {
          const { namePrefix, ...rest } = filter;
          const rows = await inner.searchSkus(rest, { ...page, limit: 100_000 });
          const like = namePrefix === undefined ? undefined : likeUnescaped(namePrefix);
          return rows.filter((row) => !like || like.test(row.nameKey)).slice(0, page.limit);
        },
        repathCategories: async (from, to, updatedAt) => {
          const like = likeUnescaped(from);
          let moved = 0;
          for (const category of await inner.listCategories()) {
            if (!like.test(category.path)) continue;
            const path = to + category.path.slice(from.length);
            await inner.putCategory(
              { ...category, path, version: category.version + 1, updatedAt },
              category.version,
            );
            moved += 1;
          }
          return moved;
        },
      })),
    );
    expect(wildcards).toEqual(
      expect.arrayContaining([
        'catalog.search.name-prefix-is-literal',
        'catalog.category.move-repaths-subtree',
      ]),
    );
    const forgetful = await failedChecks(
      withCatalog('no-repath', () => ({ repathCategories: async () => 0 })),
    );
    expect(forgetful).toEqual(
      expect.arrayContaining(['catalog.category.move-repaths-subtree', 'catalog.search.category-subtree']),
    );
  });

  it('gives every check a unique, stable id, in the order of CATALOG_CONFORMANCE_IDS', () => {
    const ids = catalogConformanceCases.map((check) => check.id);
    expect(ids).toEqual([...CATALOG_CONFORMANCE_IDS]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^catalog\.[a-z-]+\.[a-z-]+$/);
  });
});
