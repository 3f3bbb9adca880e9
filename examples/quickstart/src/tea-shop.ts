import { type Actor, isRetailKitError } from '@retailkit/core';
import type { RetailKit } from 'retailkit';

/** The chain's manager: sets the shop up, approves transfers, cancels and refunds. */
export const mia: Actor = { id: 'mia', roles: ['manager'] };
/** A cashier in Berlin. */
export const ben: Actor = { id: 'ben', roles: ['cashier'], storeIds: ['berlin'] };
/** A cashier in Hamburg. */
export const hana: Actor = { id: 'hana', roles: ['cashier'], storeIds: ['hamburg'] };
/** The logistics clerk: receives, transfers, picks and ships at every location. */
export const lea: Actor = { id: 'lea', roles: ['clerk'], storeIds: ['central', 'berlin', 'hamburg'] };

/** The tea shop's locations: two stores and the warehouse that supplies them. */
export const LOCATIONS = [
  { id: 'berlin', kind: 'store', name: 'Berlin Mitte' },
  { id: 'hamburg', kind: 'store', name: 'Hamburg Schanze' },
  { id: 'central', kind: 'warehouse', name: 'Leipzig warehouse' },
] as const;

/** Location ids, in display order. */
export type LocationId = (typeof LOCATIONS)[number]['id'];

/** The supplier every purchase order goes to. */
export const SUPPLIER = 'yamamoto-tea';

/**
 * The catalog: teas at the reduced 7 % rate, teaware at 19 %; prices include tax, as shelf prices
 * do in Germany. `par` is what each location holds after the morning's deliveries, `reorderPoint`
 * where the evening's low-stock list starts naming it.
 */
export const PRODUCTS = [
  {
    sku: 'SENCHA-100',
    name: 'Sencha Fukamushi, 100 g',
    category: 'tea',
    price: '8.90',
    cost: '3.10',
    par: { berlin: 12, hamburg: 10, central: 40 },
    reorderPoint: { berlin: 4, hamburg: 4, central: 15 },
  },
  {
    sku: 'MATCHA-30',
    name: 'Uji matcha, 30 g tin',
    category: 'tea',
    price: '18.50',
    cost: '7.40',
    par: { berlin: 6, hamburg: 5, central: 24 },
    reorderPoint: { berlin: 3, hamburg: 2, central: 10 },
  },
  {
    sku: 'GENMAICHA-100',
    name: 'Genmaicha, 100 g',
    category: 'tea',
    price: '7.20',
    cost: '2.40',
    par: { berlin: 8, hamburg: 8, central: 30 },
    reorderPoint: { berlin: 3, hamburg: 3, central: 10 },
  },
  {
    sku: 'EARLGREY-100',
    name: 'Earl Grey, 100 g',
    category: 'tea',
    price: '6.50',
    cost: '2.05',
    par: { berlin: 8, hamburg: 8, central: 30 },
    reorderPoint: { berlin: 3, hamburg: 3, central: 10 },
  },
  {
    sku: 'KYUSU-350',
    name: 'Tokoname kyusu, 350 ml',
    category: 'teaware',
    price: '49.00',
    cost: '21.00',
    par: { berlin: 3, hamburg: 3, central: 10 },
    reorderPoint: { berlin: 1, hamburg: 1, central: 4 },
  },
  {
    sku: 'CHASEN',
    name: 'Bamboo matcha whisk',
    category: 'teaware',
    price: '16.00',
    cost: '5.50',
    par: { berlin: 4, hamburg: 3, central: 12 },
    reorderPoint: { berlin: 2, hamburg: 1, central: 4 },
  },
] as const;

/**
 * Whether the data folder already holds the whole tea shop: its last setup step, the warehouse
 * rule of the last SKU, exists.
 */
export async function isSeeded(kit: RetailKit): Promise<boolean> {
  const last = PRODUCTS[PRODUCTS.length - 1] as (typeof PRODUCTS)[number];
  try {
    const rules = await kit.inventory.listReorderRules(
      { locationId: 'central', sku: last.sku },
      { actor: mia },
    );
    return rules.items.length > 0;
  } catch (error) {
    // Before the setup the warehouse itself is unknown.
    if (isRetailKitError(error, 'NOT_FOUND') || isRetailKitError(error, 'VALIDATION_FAILED')) return false;
    throw error;
  }
}

/**
 * Sets the shop up: tax classes, categories, products with list prices, the three locations,
 * the stock items and a reorder rule for every SKU at every location (stores refill from the
 * warehouse, the warehouse buys from the supplier). Each command carries an idempotency key, so
 * a setup interrupted half-way is finished by the next run instead of failing on duplicates.
 */
export async function seedTeaShop(kit: RetailKit): Promise<void> {
  const as = (key: string) => ({ actor: mia, idempotencyKey: `seed:${key}` });
  await kit.catalog.createTaxClass({ id: 'reduced', name: 'Reduced rate', rate: '7' }, as('tax-reduced'));
  await kit.catalog.createTaxClass({ id: 'standard', name: 'Standard rate', rate: '19' }, as('tax-standard'));
  await kit.catalog.createCategory({ id: 'tea', name: 'Tea' }, as('category-tea'));
  await kit.catalog.createCategory({ id: 'teaware', name: 'Teaware' }, as('category-teaware'));
  for (const product of PRODUCTS) {
    const taxClassId = product.category === 'tea' ? 'reduced' : 'standard';
    const id = product.sku.toLowerCase();
    await kit.catalog.createProduct(
      { id, name: product.name, categoryId: product.category, taxClassId },
      as(`product-${id}`),
    );
    await kit.catalog.createSku(
      {
        code: product.sku,
        productId: id,
        options: {},
        listPrices: [{ amount: product.price, currency: 'EUR' }],
      },
      as(`sku-${id}`),
    );
  }
  for (const location of LOCATIONS) {
    await kit.inventory.defineLocation(
      { ...location, timeZone: 'Europe/Berlin', dayStart: '04:00', currency: 'EUR' },
      as(`location-${location.id}`),
    );
  }
  for (const product of PRODUCTS) {
    await kit.inventory.registerItem({ sku: product.sku, name: product.name }, as(`item-${product.sku}`));
    for (const location of LOCATIONS) {
      await kit.inventory.setReorderRule(
        {
          locationId: location.id,
          sku: product.sku,
          reorderPoint: product.reorderPoint[location.id],
          method: 'up-to-max',
          maxLevel: product.par[location.id],
          source:
            location.kind === 'warehouse'
              ? { kind: 'purchase', supplierId: SUPPLIER }
              : { kind: 'transfer', fromLocationId: 'central' },
        },
        as(`rule-${location.id}-${product.sku}`),
      );
    }
  }
}
