import { MAX_UNIT_SCALE } from '@retailkit/core';
import { poOutstanding } from '../purchase-orders/purchase-order-outstanding.js';
import { itemsBySku } from '../shared/items-by-sku.js';
import { toUnits } from '../stock/stock-units.js';
import type { StockItemRecord } from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';
import { transferInTransit } from '../transfers/transfer-in-transit.js';
import { eachPage } from './each-page.js';

/** The balances of one SKU at one location as the ledger and the open documents imply them. */
export interface ExpectedBalances {
  /** Sum of the SKU's movements at the location. */
  onHand: bigint;
  /** Sum over open reservations of quantity − committed − released. */
  reserved: bigint;
  /** Outstanding on open purchase orders plus in transit on transfers to the location. */
  incoming: bigint;
  /** In transit on shipped transfers to the location. */
  inTransit: bigint;
}

/** Items by SKU, loaded a page's worth at a time; an unregistered SKU reads at the finest scale. */
export class ItemScales {
  readonly #repository: InventoryRepository;
  readonly #items = new Map<string, StockItemRecord | null>();

  /** A cache over `repository`. */
  constructor(repository: InventoryRepository) {
    this.#repository = repository;
  }

  /** Loads the SKUs not loaded yet, in one call. */
  async load(skus: Iterable<string>): Promise<void> {
    const missing = [...new Set(skus)].filter((sku) => !this.#items.has(sku));
    if (missing.length === 0) return;
    const found = await itemsBySku(this.#repository, missing);
    for (const sku of missing) this.#items.set(sku, found.get(sku) ?? null);
  }

  /** The item, or undefined when the SKU is not registered (or not loaded). */
  item(sku: string): StockItemRecord | undefined {
    return this.#items.get(sku) ?? undefined;
  }

  /** The SKU's scale; an unregistered SKU uses the finest scale any unit has, so no decimal is lost. */
  scale(sku: string): number {
    return this.#items.get(sku)?.scale ?? MAX_UNIT_SCALE;
  }
}

/**
 * Recomputes what every SKU at `locationId` (or just `sku`) should hold: on hand from the ledger,
 * reserved from open reservations, incoming from open purchase orders and transfers, in transit
 * from shipped transfers. Documents are read a page at a time. SKUs with nothing anywhere are absent.
 */
export async function expectedBalances(
  repository: InventoryRepository,
  scales: ItemScales,
  locationId: string,
  sku: string | undefined,
): Promise<Map<string, ExpectedBalances>> {
  const expected = new Map<string, ExpectedBalances>();
  const at = (key: string): ExpectedBalances => {
    let balances = expected.get(key);
    if (!balances) {
      balances = { onHand: 0n, reserved: 0n, incoming: 0n, inTransit: 0n };
      expected.set(key, balances);
    }
    return balances;
  };
  const inScope = (line: { readonly sku: string }) => sku === undefined || line.sku === sku;

  const totals = await repository.movementTotals({ locationId, sku });
  await scales.load(totals.map((total) => total.sku));
  for (const total of totals) at(total.sku).onHand += toUnits(total.quantity, scales.scale(total.sku));

  await eachPage(
    (page) => repository.listReservations({ locationId, status: 'open' }, page),
    async (reservations) => {
      const lines = reservations.flatMap((reservation) => reservation.lines.filter(inScope));
      await scales.load(lines.map((line) => line.sku));
      for (const line of lines) {
        const scale = scales.scale(line.sku);
        at(line.sku).reserved +=
          toUnits(line.quantity, scale) - toUnits(line.committed, scale) - toUnits(line.released, scale);
      }
    },
  );

  await eachPage(
    (page) =>
      repository.listPurchaseOrders({ locationId, statuses: ['ordered', 'partially-received'], sku }, page),
    async (orders) => {
      const lines = orders.flatMap((order) => order.lines.filter(inScope));
      await scales.load(lines.map((line) => line.sku));
      for (const line of lines) at(line.sku).incoming += poOutstanding(line, scales.scale(line.sku));
    },
  );

  await eachPage(
    (page) =>
      repository.listTransfers(
        { toLocationId: locationId, statuses: ['shipped', 'partially-received'], sku },
        page,
      ),
    async (transfers) => {
      const lines = transfers.flatMap((transfer) => transfer.lines.filter(inScope));
      await scales.load(lines.map((line) => line.sku));
      for (const line of lines) {
        const inTransit = transferInTransit(line, scales.scale(line.sku));
        at(line.sku).incoming += inTransit;
        at(line.sku).inTransit += inTransit;
      }
    },
  );
  return expected;
}
