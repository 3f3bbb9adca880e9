import type { CatalogRepository } from '@retailkit/catalog';

/**
 * The catalog repository of one transaction with its point reads remembered: pricing an order
 * reads each SKU, product and tax class once, and the price lists once, however many lines and
 * steps ask for them. Only for reads inside one command; writes go straight through.
 */
export function cachedCatalogReads(repository: CatalogRepository): CatalogRepository {
  const remembered = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    let pending = remembered.get(key) as Promise<T> | undefined;
    if (pending === undefined) {
      pending = read();
      remembered.set(key, pending);
    }
    return pending;
  };
  const cached: Partial<CatalogRepository> = {
    getSku: (code) => once(`sku:${code}`, () => repository.getSku(code)),
    getProduct: (id) => once(`product:${id}`, () => repository.getProduct(id)),
    getTaxClass: (id) => once(`tax-class:${id}`, () => repository.getTaxClass(id)),
    listPriceLists: () => once('price-lists', () => repository.listPriceLists()),
  };
  return new Proxy(repository, {
    get(target, property, receiver) {
      if (typeof property === 'string' && Object.hasOwn(cached, property)) {
        return cached[property as keyof CatalogRepository];
      }
      const value: unknown = Reflect.get(target, property, receiver);
      // Adapters may keep state in private fields, reachable only with the real `this`.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
