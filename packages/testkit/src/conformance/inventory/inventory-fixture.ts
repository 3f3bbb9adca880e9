import type { Inventory } from '@retailkit/inventory';
import { inventoryActor } from './inventory-case-helpers.js';

const as = { actor: inventoryActor };

/** A store in Berlin. */
export const STORE_A = 'store-a';
/** A store in New York (another time zone, same currency so stock can move between them). */
export const STORE_B = 'store-b';
/** A warehouse that supplies the stores. */
export const DEPOT = 'depot';
/** Every fixture location. */
export const LOCATIONS = [STORE_A, STORE_B, DEPOT] as const;

/** An item counted in whole units. */
export const TEA = 'tea';
/** An item weighed in kg, to three decimals. */
export const COFFEE = 'coffee';
/** Another whole-unit item, in another category. */
export const MUG = 'mug';
/** Every fixture item. */
export const SKUS = [TEA, COFFEE, MUG] as const;

/** Decimal places of each fixture item. */
export const SCALE: Readonly<Record<string, number>> = { [TEA]: 0, [COFFEE]: 3, [MUG]: 0 };

/** Defines one location through the API (EUR, business day from midnight). */
export async function defineLocation(
  inventory: Inventory,
  id: string,
  options: { readonly kind?: 'store' | 'warehouse'; readonly name?: string; readonly timeZone?: string } = {},
): Promise<void> {
  await inventory.defineLocation(
    {
      id,
      kind: options.kind ?? 'store',
      name: options.name ?? `Location ${id}`,
      timeZone: options.timeZone ?? 'Europe/Berlin',
      dayStart: '00:00',
      currency: 'EUR',
    },
    as,
  );
}

/** Defines `locations` (default: the two stores and the depot) and registers tea, coffee and mugs. */
export async function seedInventory(
  inventory: Inventory,
  locations: readonly string[] = LOCATIONS,
): Promise<void> {
  for (const id of locations) {
    await defineLocation(inventory, id, {
      kind: id === DEPOT ? 'warehouse' : 'store',
      timeZone: id === STORE_B ? 'America/New_York' : 'Europe/Berlin',
    });
  }
  await registerFixtureItems(inventory);
}

/** Registers tea (each), coffee (kg) and mugs (each). */
export async function registerFixtureItems(inventory: Inventory): Promise<void> {
  await inventory.registerItem({ sku: TEA, name: 'Green tea', unit: 'each', categoryId: 'drinks' }, as);
  await inventory.registerItem({ sku: COFFEE, name: 'Coffee beans', unit: 'kg', categoryId: 'drinks' }, as);
  await inventory.registerItem({ sku: MUG, name: 'Mug', unit: 'each', categoryId: 'ware' }, as);
}

/** Puts stock in with a `found` adjustment at `unitCost` (default "1.00"), so no purchase order is needed. */
export async function addStock(
  inventory: Inventory,
  locationId: string,
  sku: string,
  quantity: string,
  unitCost = '1.00',
): Promise<void> {
  await inventory.adjustStock({ locationId, lines: [{ sku, quantity, reason: 'found', unitCost }] }, as);
}

/** Moves a new transfer of one SKU from draft to shipped; returns its id. */
export async function shipTransfer(
  inventory: Inventory,
  fromLocationId: string,
  toLocationId: string,
  lines: readonly { readonly sku: string; readonly quantity: string }[],
): Promise<string> {
  const { id } = await inventory.createTransfer({ fromLocationId, toLocationId, lines: [...lines] }, as);
  const ref = { id, fromLocationId, toLocationId };
  await inventory.requestTransfer(ref, as);
  await inventory.approveTransfer(ref, as);
  await inventory.shipTransfer(ref, as);
  return id;
}
