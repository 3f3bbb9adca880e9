import { mkdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BusinessDate, createBusinessCalendar, FakeClock } from '@retailkit/core';
import { createPGliteStorage } from '@retailkit/storage-sql';
import { createRetailKit } from 'retailkit';
import type { Printer } from './quickstart.js';
import { nextBusinessDay, runStoreDay } from './store-day.js';
import { reportStoreDay, type StoreDayReport } from './store-day-report.js';
import { isSeeded, LOCATIONS, PRODUCTS, seedTeaShop } from './tea-shop.js';

/** The data folder used when none is given: `.retailkit-data` in the example (git ignores it). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.retailkit-data', import.meta.url));

/** The first business day of a fresh data folder: a Monday. */
export const OPENING_DAY: BusinessDate = '2026-03-02';

/** Settings of {@link runStoreDayDemo}. */
export interface StoreDayDemoOptions {
  /** Where the embedded database keeps its files. */
  readonly dataDir: string;
  /** Delete the data folder first and start from an empty shop. */
  readonly reset: boolean;
}

/** What one run did: which day it traded, whether it set the shop up, and the closing figures. */
export interface StoreDayDemoResult extends StoreDayReport {
  /** The business day traded. */
  readonly day: BusinessDate;
  /** 1 on a fresh folder, then one more each run. */
  readonly dayNumber: number;
  /** Whether this run created the catalog, locations and rules. */
  readonly seeded: boolean;
}

/**
 * Runs one business day of a tea shop (two stores and a warehouse) on embedded PostgreSQL kept in
 * `dataDir`. A fresh folder is set up first; a folder from an earlier run keeps its catalog, stock
 * and orders, and the run trades the next business day on top of them.
 */
export async function runStoreDayDemo(
  print: Printer,
  options: StoreDayDemoOptions,
): Promise<StoreDayDemoResult> {
  const dataDir = resolve(options.dataDir);
  if (options.reset) await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  const calendar = createBusinessCalendar({ timeZone: 'Europe/Berlin', dayStart: '04:00' });
  const clock = new FakeClock(calendar.dayRange(OPENING_DAY).start);
  const kit = createRetailKit({
    storage: createPGliteStorage({ dataDir }),
    clock,
    orders: { taxMode: 'inclusive' },
  });
  try {
    const found = await isSeeded(kit);
    if (!found) await seedTeaShop(kit);
    const day = await nextBusinessDay(kit, calendar, OPENING_DAY);
    const dayNumber = Math.round((Date.parse(day) - Date.parse(OPENING_DAY)) / 86_400_000) + 1;

    print.section(`A day at the tea shop: day ${dayNumber}, ${day}`);
    print.line(
      found
        ? `Data folder ${dataDir}: the shop is already set up; trading the day after the last one. (--reset starts over.)`
        : `Data folder ${dataDir}: empty, so the shop was set up: ${PRODUCTS.length} products, ${LOCATIONS.length} locations, a reorder rule for each.`,
    );
    const { orders, deliveries } = await runStoreDay(kit, clock, calendar, day);

    print.section('Morning deliveries: the warehouse buys, the stores are topped up to par');
    print.table(
      PRODUCTS.map((product) => ({
        sku: product.sku,
        'supplier → warehouse': deliveries.purchased[product.sku] ?? '0',
        'warehouse → Berlin': deliveries.transferred.berlin?.[product.sku] ?? '0',
        'warehouse → Hamburg': deliveries.transferred.hamburg?.[product.sku] ?? '0',
      })),
    );
    const report = await reportStoreDay(print, kit, orders);
    return { ...report, day, dayNumber, seeded: !found };
  } finally {
    await kit.close();
  }
}
