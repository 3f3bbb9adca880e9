import { isRetailKitError } from '@retailkit/core';
import { expect } from 'vitest';
import { rejection } from '../../assertions/rejection.js';
import {
  allEvents,
  allPages,
  as,
  balancesOf,
  canonical,
  expectLevelMatchesLedger,
  expectNoDrift,
  expectOnlyShortages,
  type InventoryCase,
  inventoryOf,
  inventorySnapshot,
  partition,
} from './inventory-case-helpers.js';
import { addStock, COFFEE, SCALE, STORE_A, seedInventory, TEA } from './inventory-fixture.js';

const RESERVED = 'inventory.stock-reserved';

/** Reservations: no oversell under concurrency, lines checked together, commit, release and expiry. */
export const inventoryReservationCases: readonly InventoryCase[] = [
  {
    id: 'inventory.reservation.no-oversell-under-concurrency',
    title: '500 parallel 1-unit reservations against 100 on hand reserve exactly 100, the rest are refused',
    run: async (context) => {
      const inventory = inventoryOf(context);
      await seedInventory(inventory, [STORE_A]);
      await addStock(inventory, STORE_A, TEA, '100');
      const outcomes = await Promise.allSettled(
        Array.from({ length: 500 }, (_, i) =>
          inventory.reserveStock(
            { reference: `order-${i}`, locationId: STORE_A, lines: [{ sku: TEA, quantity: 1 }] },
            as,
          ),
        ),
      );
      const { fulfilled, rejected } = partition(outcomes);
      expectOnlyShortages(rejected);
      expect(fulfilled).toHaveLength(100);
      expect(rejected).toHaveLength(400);
      expect(await balancesOf(inventory, STORE_A, TEA)).toEqual({
        onHand: '100',
        reserved: '100',
        available: '0',
        incoming: '0',
        inTransit: '0',
      });
      const open = await allPages((page) =>
        inventory.listReservations({ locationId: STORE_A, status: 'open', ...page }, as),
      );
      expect(open.map((reservation) => reservation.reference).sort()).toEqual(
        fulfilled.map((result) => result.reference).sort(),
      );
      const reserved = (await allEvents(context)).filter((event) => event.type === RESERVED);
      expect(reserved).toHaveLength(100);
      await expectLevelMatchesLedger(inventory, STORE_A, TEA, 0);
      await expectNoDrift(inventory);

      // The refusal names what was short.
      const error = await rejection(
        inventory.reserveStock(
          { reference: 'late', locationId: STORE_A, lines: [{ sku: TEA, quantity: 1 }] },
          as,
        ),
      );
      expect(isRetailKitError(error, 'INSUFFICIENT_STOCK')).toBe(true);
      expect(error).toMatchObject({
        details: { shortages: [{ locationId: STORE_A, sku: TEA, requested: '1', available: '0' }] },
      });
    },
  },
  {
    id: 'inventory.reservation.lines-of-one-sku-checked-together',
    title: 'several lines of one SKU in one command are checked as a whole: 5 + 5 against 8 is refused',
    run: async (context) => {
      const inventory = inventoryOf(context);
      await seedInventory(inventory, [STORE_A]);
      await addStock(inventory, STORE_A, TEA, '8');
      await addStock(inventory, STORE_A, COFFEE, '1.5');
      const before = await inventorySnapshot(context, inventory, [STORE_A]);
      const twoLines = [
        { sku: TEA, quantity: 5 },
        { sku: TEA, quantity: '5' },
      ];

      const reserve = await rejection(
        inventory.reserveStock({ reference: 'o-1', locationId: STORE_A, lines: twoLines }, as),
      );
      expect(isRetailKitError(reserve, 'INSUFFICIENT_STOCK')).toBe(true);
      expect(reserve).toMatchObject({
        details: { shortages: [{ locationId: STORE_A, sku: TEA, requested: '10', available: '8' }] },
      });
      const sale = await rejection(inventory.recordSale({ locationId: STORE_A, lines: twoLines }, as));
      expect(isRetailKitError(sale, 'INSUFFICIENT_STOCK')).toBe(true);
      const weighed = await rejection(
        inventory.recordSale(
          {
            locationId: STORE_A,
            lines: [
              { sku: COFFEE, quantity: '0.75' },
              { sku: COFFEE, quantity: '0.751' },
            ],
          },
          as,
        ),
      );
      expect(weighed).toMatchObject({
        details: { shortages: [{ sku: COFFEE, requested: '1.501', available: '1.500' }] },
      });
      const adjust = await rejection(
        inventory.adjustStock(
          {
            locationId: STORE_A,
            lines: [
              { sku: TEA, quantity: '-5', reason: 'damage' },
              { sku: TEA, quantity: '-5', reason: 'theft' },
            ],
          },
          as,
        ),
      );
      expect(isRetailKitError(adjust, 'INSUFFICIENT_STOCK')).toBe(true);
      expect(await inventorySnapshot(context, inventory, [STORE_A])).toEqual(before);

      // Lines that fit together go through as one reservation line.
      const fits = await inventory.reserveStock(
        {
          reference: 'o-2',
          locationId: STORE_A,
          lines: [
            { sku: TEA, quantity: 4 },
            { sku: TEA, quantity: 4 },
          ],
        },
        as,
      );
      expect(fits.reservations.map((reservation) => reservation.lines)).toEqual([
        [{ sku: TEA, unit: 'each', quantity: '8', committed: '0', released: '0', open: '8' }],
      ]);
      expect(await balancesOf(inventory, STORE_A, TEA)).toMatchObject({ reserved: '8', available: '0' });
      await expectNoDrift(inventory);
    },
  },
  {
    id: 'inventory.reservation.commit-and-release-keep-the-ledger',
    title: 'partial and full commits and releases keep on hand = ledger and reserved = open reservations',
    run: async (context) => {
      const inventory = inventoryOf(context);
      await seedInventory(inventory, [STORE_A]);
      await addStock(inventory, STORE_A, TEA, '10', '2.00');
      await addStock(inventory, STORE_A, COFFEE, '5', '20.00');
      const check = async () => {
        await expectLevelMatchesLedger(inventory, STORE_A, TEA, SCALE[TEA] as number);
        await expectLevelMatchesLedger(inventory, STORE_A, COFFEE, SCALE[COFFEE] as number);
        await expectNoDrift(inventory);
      };
      const reserve = async (reference: string, lines: { sku: string; quantity: string }[]) => {
        const result = await inventory.reserveStock({ reference, locationId: STORE_A, lines }, as);
        const [reservation] = result.reservations;
        if (!reservation) throw new Error('no reservation made');
        return reservation.id;
      };
      const first = await reserve('o-1', [
        { sku: TEA, quantity: '4' },
        { sku: COFFEE, quantity: '1.25' },
      ]);
      const second = await reserve('o-2', [{ sku: TEA, quantity: '3' }]);
      const third = await reserve('o-3', [
        { sku: TEA, quantity: '2' },
        { sku: COFFEE, quantity: '2' },
      ]);
      await check();
      expect(await balancesOf(inventory, STORE_A, TEA)).toMatchObject({
        onHand: '10',
        reserved: '9',
        available: '1',
      });

      const partly = await inventory.commitReservation(
        { reservationId: first, lines: [{ sku: TEA, quantity: '1' }] },
        as,
      );
      expect(partly.status).toBe('open');
      await check();
      await inventory.commitReservation(
        { reservationId: first, lines: [{ sku: COFFEE, quantity: '0.250' }] },
        as,
      );
      await inventory.releaseReservation({ reservationId: first, lines: [{ sku: TEA, quantity: '1' }] }, as);
      await check();

      // More than a line still holds is refused and changes nothing.
      const before = await inventorySnapshot(context, inventory, [STORE_A]);
      const tooMuch = await rejection(
        inventory.commitReservation({ reservationId: first, lines: [{ sku: TEA, quantity: '3' }] }, as),
      );
      expect(isRetailKitError(tooMuch, 'VALIDATION_FAILED')).toBe(true);
      expect(await inventorySnapshot(context, inventory, [STORE_A])).toEqual(before);

      const done = await inventory.commitReservation({ reservationId: first }, as);
      expect(done.status).toBe('committed');
      expect(done.lines).toEqual([
        { sku: TEA, unit: 'each', quantity: '4', committed: '3', released: '1', open: '0' },
        { sku: COFFEE, unit: 'kg', quantity: '1.250', committed: '1.250', released: '0.000', open: '0.000' },
      ]);
      expect((await inventory.releaseReservation({ reservationId: second }, as)).status).toBe('released');
      expect((await inventory.commitReservation({ reservationId: third }, as)).status).toBe('committed');
      await check();

      // A final reservation cannot be settled again.
      const again = await rejection(inventory.releaseReservation({ reservationId: third }, as));
      expect(isRetailKitError(again, 'INVALID_TRANSITION')).toBe(true);

      expect(await balancesOf(inventory, STORE_A, TEA)).toEqual({
        onHand: '5',
        reserved: '0',
        available: '5',
        incoming: '0',
        inTransit: '0',
      });
      expect(await balancesOf(inventory, STORE_A, COFFEE)).toMatchObject({
        onHand: '1.750',
        reserved: '0.000',
      });
      const sales = await allPages((page) =>
        inventory.listStockMovements({ locationId: STORE_A, reasons: ['sale'], ...page }, as),
      );
      expect(
        sales.map((movement) => [
          movement.sku,
          movement.quantity,
          movement.referenceType,
          movement.referenceId,
        ]),
      ).toEqual([
        [TEA, '-1', 'reservation', first],
        [COFFEE, '-0.250', 'reservation', first],
        [TEA, '-2', 'reservation', first],
        [COFFEE, '-1.000', 'reservation', first],
        [TEA, '-2', 'reservation', third],
        [COFFEE, '-2.000', 'reservation', third],
      ]);
      // Commits are booked at the average cost.
      expect(sales.map((movement) => canonical(movement.unitCost))).toEqual([
        '2',
        '20',
        '2',
        '20',
        '2',
        '20',
      ]);
    },
  },
  {
    id: 'inventory.reservation.expiry-at-the-instant',
    title: 'expiry releases a reservation at its expiry instant, to the millisecond, and not before',
    run: async (context) => {
      const inventory = inventoryOf(context);
      await seedInventory(inventory, [STORE_A]);
      await addStock(inventory, STORE_A, TEA, '10');
      const start = context.clock.now().getTime();
      const at = (ms: number) => new Date(start + ms).toISOString();
      const reserve = async (reference: string, quantity: number, expiry: object) =>
        (
          await inventory.reserveStock(
            { reference, locationId: STORE_A, lines: [{ sku: TEA, quantity }], ...expiry },
            as,
          )
        ).reservations[0]?.id as string;
      const soon = await reserve('soon', 1, { ttlMinutes: 10 });
      const later = await reserve('later', 2, { expiresAt: at(10 * 60_000 + 250) });
      const never = await reserve('never', 3, {});
      const expire = async () => (await inventory.expireReservations({}, as)).expired;
      const status = async (id: string) => (await inventory.getReservation({ reservationId: id }, as)).status;

      context.clock.set(new Date(start + 10 * 60_000 - 1));
      expect(await expire()).toEqual([]);
      expect(await balancesOf(inventory, STORE_A, TEA)).toMatchObject({ reserved: '6', available: '4' });

      context.clock.set(new Date(start + 10 * 60_000));
      expect(await expire()).toEqual([soon]);
      expect(await balancesOf(inventory, STORE_A, TEA)).toMatchObject({ reserved: '5', available: '5' });

      context.clock.set(new Date(start + 10 * 60_000 + 249));
      expect(await expire()).toEqual([]);
      context.clock.set(new Date(start + 10 * 60_000 + 250));
      expect(await expire()).toEqual([later]);

      context.clock.advance({ days: 400 });
      expect(await expire()).toEqual([]);
      expect([await status(soon), await status(later), await status(never)]).toEqual([
        'expired',
        'expired',
        'open',
      ]);
      const expiredSoon = await inventory.getReservation({ reservationId: soon }, as);
      expect(expiredSoon.lines).toEqual([
        { sku: TEA, unit: 'each', quantity: '1', committed: '0', released: '1', open: '0' },
      ]);
      expect(expiredSoon.expiresAt).toBe(at(10 * 60_000));
      expect((await inventory.getReservation({ reservationId: later }, as)).expiresAt).toBe(
        at(10 * 60_000 + 250),
      );
      expect(await balancesOf(inventory, STORE_A, TEA)).toMatchObject({
        onHand: '10',
        reserved: '3',
        available: '7',
      });
      const expired = (await allEvents(context)).filter(
        (event) => event.type === 'inventory.reservation-expired',
      );
      expect(expired.map((event) => (event.payload as { reservationId: string }).reservationId)).toEqual([
        soon,
        later,
      ]);
      await expectLevelMatchesLedger(inventory, STORE_A, TEA, 0);
      await expectNoDrift(inventory);
    },
  },
];
