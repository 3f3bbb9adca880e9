import { expect } from 'vitest';
import { stream } from '../case-helpers.js';
import {
  allPages,
  as,
  balancesOf,
  expectNoDrift,
  type InventoryCase,
  inventoryOf,
} from './inventory-case-helpers.js';
import { addStock, defineLocation } from './inventory-fixture.js';

const INJECTION = "'); DROP TABLE stock_levels; --";
const ODD_LOCATIONS = [
  { id: INJECTION, name: 'Läden 🛒 «Mitte» — متجر' },
  { id: 'ストア:1 "quoted" \\ back', name: 'חנות ראשית \u202Eevil\u202C' },
] as const;
const ODD_ITEMS = [
  { sku: "sku'; DELETE FROM stock_movements; --", name: 'Crème brûlée « fine »', categoryId: "cat'--" },
  { sku: '🍵 matcha', name: 'Family 👨‍👩‍👧 pack 🍕', categoryId: 'お茶' },
  { sku: 'e\u0301clair', name: 'قهوة عربية (e\u0301 decomposed)', categoryId: '100%_pure' },
] as const;
const ODD_NOTE = 'Note: \'quoted\' "double" \\ back 💥 עברית ثم e\u0301 %_';

/** Odd strings: quotes, SQL, emoji, right-to-left text and combining marks go in and come out unchanged. */
export const inventoryStringCases: readonly InventoryCase[] = [
  {
    id: 'inventory.strings.round-trip-verbatim',
    title: 'ids, names and notes with SQL, quotes, emoji, RTL text and combining marks round-trip verbatim',
    run: async (context) => {
      const inventory = inventoryOf(context);
      const [from, to] = ODD_LOCATIONS;
      for (const location of ODD_LOCATIONS) {
        const defined = await inventory.defineLocation(
          {
            id: location.id,
            kind: 'store',
            name: location.name,
            timeZone: 'Europe/Berlin',
            dayStart: '00:00',
            currency: 'EUR',
          },
          as,
        );
        expect([defined.id, defined.name]).toEqual([location.id, location.name]);
        const [event] = await stream(context, `location:${location.id}`);
        expect(event?.storeId).toBe(location.id);
        expect(event?.payload).toMatchObject({ id: location.id, name: location.name });
      }
      for (const item of ODD_ITEMS) {
        const registered = await inventory.registerItem({ ...item, unit: 'each' }, as);
        expect(registered).toMatchObject(item);
        await inventory.adjustStock(
          {
            locationId: from.id,
            lines: [{ sku: item.sku, quantity: '10', reason: 'found', note: ODD_NOTE }],
          },
          as,
        );
      }
      const reference = `order '"; -- ${ODD_NOTE.slice(0, 20)}`;
      const reserved = await inventory.reserveStock(
        {
          reference,
          locationId: from.id,
          lines: ODD_ITEMS.map((item) => ({ sku: item.sku, quantity: '2' })),
        },
        as,
      );
      const reservationId = reserved.reservations[0]?.id as string;
      await inventory.commitReservation({ reservationId, note: ODD_NOTE }, as);
      await inventory.recordSale(
        { locationId: from.id, lines: [{ sku: ODD_ITEMS[1].sku, quantity: '1' }], reference, note: ODD_NOTE },
        as,
      );
      const transfer = await inventory.createTransfer(
        { fromLocationId: from.id, toLocationId: to.id, lines: [{ sku: ODD_ITEMS[0].sku, quantity: '3' }] },
        as,
      );
      const ref = { id: transfer.id, fromLocationId: from.id, toLocationId: to.id };
      await inventory.requestTransfer(ref, as);
      await inventory.approveTransfer(ref, as);
      await inventory.shipTransfer(ref, as);
      await inventory.receiveTransfer(
        { ...ref, lines: [{ sku: ODD_ITEMS[0].sku, received: '3' }], note: ODD_NOTE },
        as,
      );

      const [odd, matcha, eclair] = ODD_ITEMS;
      expect(await balancesOf(inventory, from.id, odd.sku)).toMatchObject({ onHand: '5' });
      expect(await balancesOf(inventory, to.id, odd.sku)).toMatchObject({ onHand: '3' });
      expect(await balancesOf(inventory, from.id, matcha.sku)).toMatchObject({ onHand: '7' });
      expect(await balancesOf(inventory, from.id, eclair.sku)).toMatchObject({ onHand: '8' });

      const movements = await allPages((page) => inventory.listStockMovements(page, as));
      expect(new Set(movements.map((movement) => movement.locationId))).toEqual(
        new Set(ODD_LOCATIONS.map((location) => location.id)),
      );
      expect(new Set(movements.map((movement) => movement.sku))).toEqual(
        new Set(ODD_ITEMS.map((item) => item.sku)),
      );
      expect(
        movements.filter((movement) => movement.reason === 'adjustment').map((movement) => movement.note),
      ).toEqual([ODD_NOTE, ODD_NOTE, ODD_NOTE]);
      const sale = movements.find(
        (movement) => movement.reason === 'sale' && movement.referenceType === 'order',
      );
      expect([sale?.referenceId, sale?.note]).toEqual([reference, ODD_NOTE]);
      expect(movements.find((movement) => movement.reason === 'transfer-in')?.note).toBe(ODD_NOTE);
      const bySku = await allPages((page) => inventory.listStockMovements({ sku: eclair.sku, ...page }, as));
      expect(bySku.map((movement) => movement.sku)).toEqual([eclair.sku, eclair.sku]);
      const { items } = await inventory.listReservations({ reference }, as);
      expect(items.map((reservation) => [reservation.reference, reservation.locationId])).toEqual([
        [reference, from.id],
      ]);
      const [committed] = (await stream(context, `reservation:${reservationId}`)).filter(
        (event) => event.type === 'inventory.reservation-committed',
      );
      expect(committed?.payload).toMatchObject({
        reference,
        locationId: from.id,
        lines: ODD_ITEMS.map((item) => ({ sku: item.sku, categoryId: item.categoryId, quantity: '2' })),
      });
      await expectNoDrift(inventory);
    },
  },
  {
    id: 'inventory.strings.ids-compare-exactly',
    title:
      'ids that differ only in case, Unicode normalisation or LIKE wildcards are different SKUs and locations',
    run: async (context) => {
      const inventory = inventoryOf(context);
      const skus = ['tea', 'Tea', 'TEA', '\u00e9', 'e\u0301', 'ß', 'ss', 'te_', 'te%'];
      const locations = ['store', 'Store', 'STORE'];
      for (const id of locations) await defineLocation(inventory, id);
      for (const sku of skus) await inventory.registerItem({ sku, name: `Item ${sku}`, unit: 'each' }, as);
      for (const [l, locationId] of locations.entries()) {
        for (const [s, sku] of skus.entries())
          await addStock(inventory, locationId, sku, String(1 + s + 10 * l));
      }
      for (const [l, locationId] of locations.entries()) {
        for (const [s, sku] of skus.entries()) {
          expect((await balancesOf(inventory, locationId, sku)).onHand, `${locationId}/${sku}`).toBe(
            String(1 + s + 10 * l),
          );
        }
        const { items } = await inventory.getStockLevels({ locationId }, as);
        expect(new Set(items.map((level) => level.sku))).toEqual(new Set(skus));
      }
      for (const sku of skus) {
        const rows = await allPages((page) => inventory.listStockMovements({ sku, ...page }, as));
        expect(rows.map((movement) => movement.sku)).toEqual(locations.map(() => sku));
      }
      const inStore = await allPages((page) =>
        inventory.listStockMovements({ locationId: 'store', ...page }, as),
      );
      expect(inStore).toHaveLength(skus.length);
      expect(new Set(inStore.map((movement) => movement.locationId))).toEqual(new Set(['store']));
      await expectNoDrift(inventory);
    },
  },
];
