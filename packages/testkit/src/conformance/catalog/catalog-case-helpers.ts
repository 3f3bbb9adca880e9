import { type Catalog, type CatalogCommandRepositories, createCatalog } from '@retailkit/catalog';
import type { Actor } from '@retailkit/core';
import { anActor } from '../../builders/actors.js';
import type { ConformanceCase, ConformanceContext } from '../conformance-case.js';
import type { CatalogConformanceId } from './catalog-conformance-ids.js';

/** A catalog conformance check. */
export type CatalogCase = ConformanceCase<CatalogConformanceId, CatalogCommandRepositories>;

/** The context of a catalog conformance check. */
export type CatalogContext = ConformanceContext<CatalogCommandRepositories>;

/** The actor every catalog check runs as: an admin of every store. */
export const catalogActor: Actor = anActor({ id: 'conformance', roles: ['admin'] });

/** Command and query options for {@link catalogActor}. */
export const as = { actor: catalogActor };

/** The catalog over the check's runner. */
export function catalogOf(context: CatalogContext): Catalog {
  return createCatalog({ runner: context.runner });
}

/** A tax class `standard`, a category `shop` and a product `p` to hang SKUs on. */
export async function seedBasics(catalog: Catalog): Promise<void> {
  await catalog.createTaxClass({ id: 'standard', name: 'Standard', rate: '19' }, as);
  await catalog.createCategory({ id: 'shop', name: 'Shop' }, as);
  await catalog.createProduct({ id: 'p', name: 'Product', categoryId: 'shop', taxClassId: 'standard' }, as);
}

/** Everything the catalog tables hold, read straight through the repository, with the SKU streams' lengths. */
export function catalogSnapshot(context: CatalogContext) {
  return context.storage.transaction(async (tx) => {
    const { catalog } = tx;
    const skus = await catalog.searchSkus({}, { limit: 100_000 });
    return {
      categories: await catalog.listCategories(),
      taxClasses: await catalog.listTaxClasses(),
      products: await catalog.searchProducts({}, { limit: 100_000 }),
      skus,
      barcodes: await Promise.all(skus.map((sku) => catalog.listBarcodes(sku.code))),
      priceLists: await catalog.listPriceLists(),
      prices: await Promise.all(skus.map((sku) => catalog.listPricesForSku(sku.code))),
      skuStreams: await Promise.all(skus.map((sku) => tx.outbox.readStream(`sku:${sku.code}`))),
    };
  });
}

const utf8 = new TextEncoder();

/**
 * The order searches promise, computed independently of any adapter: name keys, then ids, as
 * UTF-8 bytes compare (Unicode code point order).
 */
export function compareUtf8(a: string, b: string): number {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  }
  return x.length - y.length;
}

/** Waits a macrotask, so concurrent transactions interleave where the adapter allows it. */
export function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1));
}
