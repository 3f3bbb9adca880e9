import { type Actor, createCommandRunner, type OutboxEvent } from '@retailkit/core';
import { createMemoryStorage } from '@retailkit/storage-memory';
import { anActor, FakeClock, sequentialIds } from '@retailkit/testkit';
import { type Catalog, type CatalogRepository, createCatalog } from '../../src/index.js';

/** Replaces some operations of the catalog repository a transaction gets (to simulate a race). */
export type RepositoryPatch = (inner: CatalogRepository) => Partial<CatalogRepository>;

/**
 * A catalog on a fresh in-memory storage, with a fake clock, sequential ids and a chain-wide manager.
 * With `patch`, the commands and queries see a repository with some operations replaced; `events`
 * and `snapshot` read the storage as it is.
 */
export function catalogFixture(patch?: RepositoryPatch) {
  const storage = createMemoryStorage();
  const clock = new FakeClock('2025-03-01T12:00:00Z');
  const patched: typeof storage =
    patch === undefined
      ? storage
      : {
          ...storage,
          transaction: (fn, options) =>
            storage.transaction(
              (tx) => fn({ ...tx, catalog: { ...tx.catalog, ...patch(tx.catalog) } }),
              options,
            ),
        };
  const runner = createCommandRunner({ storage: patched, clock, ids: sequentialIds('id') });
  const catalog = createCatalog({ runner });
  const manager: Actor = anActor({ id: 'mia', roles: ['manager'] });
  const as = { actor: manager };

  /** The events of one outbox stream. */
  const events = (stream: string): Promise<OutboxEvent[]> =>
    storage.transaction((tx) => tx.outbox.readStream(stream));

  /** Everything the catalog holds, read straight from the repository: to prove a refusal changed nothing. */
  const snapshot = () =>
    storage.transaction(async (tx) => {
      const { catalog: repo } = tx;
      const skus = await repo.searchSkus({}, { limit: 10_000 });
      return {
        categories: await repo.listCategories(),
        taxClasses: await repo.listTaxClasses(),
        products: await repo.searchProducts({}, { limit: 10_000 }),
        skus,
        barcodes: await Promise.all(skus.map((sku) => repo.listBarcodes(sku.code))),
        priceLists: await repo.listPriceLists(),
        prices: await Promise.all(skus.map((sku) => repo.listPricesForSku(sku.code))),
        streams: await Promise.all(
          skus.map((sku) => tx.outbox.readStream(`sku:${sku.code}`).then((list) => list.length)),
        ),
      };
    });

  return { storage, clock, runner, catalog, manager, as, events, snapshot };
}

/** A tax class `standard` (19 %), categories `food` > `dairy` and `clothing`, a product `tee` with SKU `TEE-M`. */
export async function seedCatalog(catalog: Catalog, actor: Actor): Promise<void> {
  const as = { actor };
  await catalog.createTaxClass({ id: 'standard', name: 'Standard', rate: '19' }, as);
  await catalog.createCategory({ id: 'food', name: 'Food' }, as);
  await catalog.createCategory({ id: 'dairy', name: 'Dairy', parentId: 'food' }, as);
  await catalog.createCategory({ id: 'clothing', name: 'Clothing' }, as);
  await catalog.createProduct({ id: 'tee', name: 'Tee', categoryId: 'clothing', taxClassId: 'standard' }, as);
  await catalog.createSku(
    {
      code: 'TEE-M',
      productId: 'tee',
      options: { size: 'M' },
      listPrices: [{ amount: '20.00', currency: 'EUR' }],
    },
    as,
  );
}
