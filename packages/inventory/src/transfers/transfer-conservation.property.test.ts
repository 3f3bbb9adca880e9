import { isRetailKitError } from '@retailkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rejection } from '../../test/support/catch-error.js';
import { type InventorySetup, setupInventory } from '../../test/support/setup-inventory.js';
import { verifyStock } from '../audit/verify-stock.js';
import { formatUnits, toUnits } from '../stock/stock-units.js';
import { approveTransfer } from './approve-transfer.js';
import { createTransfer } from './create-transfer.js';
import { receiveTransfer } from './receive-transfer.js';
import { requestTransfer } from './request-transfer.js';
import { shipTransfer } from './ship-transfer.js';
import { transferInTransit } from './transfer-in-transit.js';

const route = { fromLocationId: 'central', toLocationId: 'berlin' } as const;
const SCALES = { 'tea-each': 0, 'coffee-kg': 3 } as const;
type Sku = keyof typeof SCALES;
const SKUS = Object.keys(SCALES) as Sku[];

interface LineModel {
  shipped: bigint;
  received: bigint;
  over: bigint;
  short: bigint;
  damaged: bigint;
}

const receipt = fc.record({
  sku: fc.constantFrom<Sku>(...SKUS),
  received: fc.integer({ min: 0, max: 8 }),
  short: fc.integer({ min: 0, max: 3 }),
  damaged: fc.integer({ min: 0, max: 3 }),
});

const scenario = fc.record({
  // Whole units for tea, grams for coffee (scale 3).
  shipped: fc.record({
    'tea-each': fc.integer({ min: 1, max: 12 }),
    'coffee-kg': fc.integer({ min: 1, max: 12 }),
  }),
  receipts: fc.array(receipt, { maxLength: 10 }),
});

/** Source on hand + destination on hand + destination in transit, in units. */
async function systemTotal(t: InventorySetup, sku: Sku): Promise<bigint> {
  const scale = SCALES[sku];
  const central = await t.level('central', sku);
  const berlin = await t.level('berlin', sku);
  expect(berlin?.incoming).toBe(berlin?.inTransit);
  return (
    toUnits(central?.onHand ?? '0', scale) +
    toUnits(berlin?.onHand ?? '0', scale) +
    toUnits(berlin?.inTransit ?? '0', scale)
  );
}

describe('transfer conservation (property)', () => {
  it('any sequence of partial receipts conserves shipped = received + short + damaged − over', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ shipped, receipts }) => {
        const t = await setupInventory();
        const initial = new Map<Sku, bigint>();
        for (const sku of SKUS) {
          // Coffee: 12 kg in stock, shipped in grams; tea: 12 each.
          await t.receive('central', sku, 12, '3.00');
          initial.set(sku, toUnits('12', SCALES[sku]));
        }
        const draft = await t.execute(createTransfer, {
          ...route,
          lines: SKUS.map((sku) => ({ sku, quantity: formatUnits(BigInt(shipped[sku]), SCALES[sku]) })),
        });
        await t.execute(requestTransfer, { id: draft.id, ...route });
        await t.execute(approveTransfer, { id: draft.id, ...route });
        await t.execute(shipTransfer, { id: draft.id, ...route });

        const model = new Map<Sku, LineModel>(
          SKUS.map((sku) => [
            sku,
            { shipped: BigInt(shipped[sku]), received: 0n, over: 0n, short: 0n, damaged: 0n },
          ]),
        );
        const inTransit = (line: LineModel) =>
          line.shipped - (line.received - line.over + line.short + line.damaged);
        let done = false;

        for (const step of receipts) {
          const line = model.get(step.sku) as LineModel;
          const scale = SCALES[step.sku];
          const [r, s, d] = [BigInt(step.received), BigInt(step.short), BigInt(step.damaged)];
          const remaining = inTransit(line);
          const outcome = t.execute(receiveTransfer, {
            id: draft.id,
            ...route,
            lines: [
              {
                sku: step.sku,
                received: formatUnits(r, scale),
                short: formatUnits(s, scale),
                damaged: formatUnits(d, scale),
              },
            ],
          });
          if (done || r + s + d === 0n || s + d > remaining) {
            const error = await rejection(outcome);
            expect(
              isRetailKitError(error, done ? 'INVALID_TRANSITION' : 'VALIDATION_FAILED'),
              String(error),
            ).toBe(true);
          } else {
            const result = await outcome;
            const over = r + s + d > remaining ? r + s + d - remaining : 0n;
            line.received += r;
            line.over += over;
            line.short += s;
            line.damaged += d;
            done = [...model.values()].every((each) => inTransit(each) === 0n);
            expect(result.transfer.status).toBe(done ? 'received' : 'partially-received');
          }

          const stored = await t.read((repository) => repository.getTransfer(draft.id));
          for (const sku of SKUS) {
            const expected = model.get(sku) as LineModel;
            const record = stored?.lines.find((each) => each.sku === sku);
            if (!record) throw new Error(`no line for ${sku}`);
            const units = (value: string) => toUnits(value, SCALES[sku]);
            expect({
              shipped: units(record.shipped),
              received: units(record.received),
              over: units(record.over),
              short: units(record.short),
              damaged: units(record.damaged),
            }).toEqual(expected);
            expect(transferInTransit(record, SCALES[sku])).toBe(inTransit(expected));
            // Stock is conserved except for what went missing, broke, or turned up extra.
            expect(await systemTotal(t, sku)).toBe(
              (initial.get(sku) as bigint) - expected.short - expected.damaged + expected.over,
            );
          }
        }
        if (done) {
          for (const line of model.values()) {
            expect(line.shipped).toBe(line.received + line.short + line.damaged - line.over);
          }
        }
        expect((await verifyStock(t.runner, {}, { actor: t.admin })).drifts).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
