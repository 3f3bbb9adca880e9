import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runDemo } from '../src/demo.js';
import type { Printer } from '../src/quickstart.js';
import { formatTable } from '../src/text-table.js';

let dataDir = '';
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'retailkit-quickstart-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function demo(...argv: string[]) {
  const printed: string[] = [];
  const print: Printer = {
    section: (title) => printed.push(`== ${title}`),
    table: (rows) => printed.push(formatTable(rows)),
    line: (text) => printed.push(text),
  };
  const result = await runDemo(['--data-dir', dataDir, ...argv], print);
  if (!result) throw new Error('the demo printed its help instead of running');
  return { ...result, text: printed.join('\n') };
}

const settled = {
  returnedSale: 'completed',
  cashSale: 'completed',
  pickup: 'completed',
  shipped: 'shipped',
  cancelled: 'cancelled',
  discountedSale: 'completed',
};

// Embedded PostgreSQL (PGlite) boots and migrates in a few seconds, much longer on a busy machine.
const PGLITE = 240_000;

it(
  'trades a first day on a fresh data folder, then the next day on top of it, then starts over with --reset',
  async () => {
    const first = await demo();
    expect(existsSync(dataDir)).toBe(true);
    expect(first.day).toMatchObject({
      day: '2026-03-02',
      dayNumber: 1,
      seeded: true,
      drifts: 0,
      reserved: '0',
    });
    expect(first.day.statuses).toEqual(settled);
    // Berlin opens at par: 12 sencha, 6 matcha, 4 whisks; sells 2 + 0 sencha (1 comes back),
    // 1 + 3 matcha and 1 + 1 whisks.
    expect(first.day.onHand.berlin).toMatchObject({ 'SENCHA-100': '11', 'MATCHA-30': '2', CHASEN: '2' });
    // Hamburg's cancelled pickup released its 3 matcha; the web order left from the warehouse.
    expect(first.day.onHand.hamburg).toMatchObject({
      'MATCHA-30': '5',
      'KYUSU-350': '2',
      'EARLGREY-100': '6',
    });
    expect(first.day.onHand.central).toMatchObject({ 'SENCHA-100': '37', 'KYUSU-350': '9' });
    expect(first.day.lowStock).toEqual(['berlin/MATCHA-30']);
    expect(first.text).toContain('== A day at the tea shop: day 1, 2026-03-02');
    expect(first.text).toMatch(/BER-20260302-1 +in-store +completed +partially-refunded +€33\.80 +€8\.90/);
    expect(first.text).toMatch(
      /HAM-20260302-2 +delivery +shipped +paid +€75\.70 .*DHL 003404342026030201 \(in-transit\)/,
    );
    expect(first.text).toMatch(
      /HAM-20260302-3 +13:30 +cancel +placed → cancelled +mia +customer called: ordered twice/,
    );
    expect(first.text).toContain('handled 1, failed 0');
    expect(first.foundation.stock.reserved).toBe(8);

    const second = await demo();
    expect(second.day).toMatchObject({
      day: '2026-03-03',
      dayNumber: 2,
      seeded: false,
      drifts: 0,
      reserved: '0',
    });
    expect(second.day.statuses).toEqual(settled);
    // Each morning tops the stores up to par again, so a day closes where the last one did.
    expect(second.day.onHand).toEqual(first.day.onHand);
    expect(second.text).toContain('the shop is already set up');
    expect(second.text).toMatch(/BER-20260303-3 +in-store +completed +paid +€64\.35/);
    // The morning replaces what yesterday took: Berlin sold 2 sencha and got 1 back, so 1 goes
    // out; the warehouse shipped 3 by web and sends 1 to Berlin, so it buys 4.
    expect(second.text).toMatch(/SENCHA-100 +4 +1 +0/);

    const reset = await demo('--reset');
    expect(reset.day).toMatchObject({ day: '2026-03-02', dayNumber: 1, seeded: true });
    expect(reset.day.onHand).toEqual(first.day.onHand);
  },
  PGLITE,
);

it('prints its usage with --help and refuses an unknown flag', async () => {
  const lines: string[] = [];
  const print: Printer = { section: () => {}, table: () => {}, line: (text) => lines.push(text) };
  expect(await runDemo(['--help'], print)).toBeUndefined();
  expect(lines.join('\n')).toContain('--reset');
  await expect(runDemo(['--rest'], print)).rejects.toThrow(/--rest/);
});
