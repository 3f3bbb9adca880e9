import { type CatalogRepositories, readResolvedPrice } from '@retailkit/catalog';
import { isRetailKitError, resolveUnit, ValidationError } from '@retailkit/core';
import type { OrderPricing, OrderStorageRepositories, PricedSku } from '@retailkit/orders';
import { cachedCatalogReads } from './cached-catalog-reads.js';

/**
 * Order pricing from the catalog, inside the order command's transaction: the store's price list
 * first, then the SKU's list price (the catalog's `resolvePrice` rules), with the product's tax
 * class and its rate in the store. A SKU that is unknown, discontinued or unpriced is a
 * ValidationError naming its line.
 */
export function catalogPricing<R extends OrderStorageRepositories & CatalogRepositories>(): OrderPricing<R> {
  return {
    async price(ctx, request, paths) {
      const priced = new Map<string, PricedSku>();
      const issues: { path: string; message: string }[] = [];
      const catalog = cachedCatalogReads(ctx.tx.catalog);
      for (const code of request.skus) {
        const path = paths.get(code) ?? 'lines';
        const sku = await catalog.getSku(code);
        const product = sku && (await catalog.getProduct(sku.productId));
        if (!sku || !product) {
          issues.push({ path, message: `${code} is not in the catalog` });
          continue;
        }
        if (sku.status !== 'active' || product.status !== 'active') {
          issues.push({ path, message: `${code} is discontinued` });
          continue;
        }
        try {
          const resolved = await readResolvedPrice(
            { catalog },
            { sku: code, storeId: request.storeId, at: request.at, currency: request.currency },
            ctx.now,
          );
          priced.set(code, {
            sku: code,
            name: sku.name,
            categoryId: product.categoryId,
            unitPrice: resolved.price,
            taxClassId: resolved.taxClassId,
            taxRate: resolved.taxRate,
            unitScale: resolveUnit(sku.unit).scale,
          });
        } catch (error) {
          if (isRetailKitError(error, 'NOT_FOUND')) {
            issues.push({ path, message: `${code} has no price in store ${request.storeId}` });
          } else if (isRetailKitError(error, 'VALIDATION_FAILED')) {
            issues.push({ path: 'currency', message: error.message });
          } else {
            throw error;
          }
        }
      }
      if (issues.length > 0) throw new ValidationError(issues, { context: 'orders.create input' });
      return priced;
    },
  };
}
