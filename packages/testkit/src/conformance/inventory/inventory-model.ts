import { isRetailKitError } from '@retailkit/core';
import type { Inventory } from '@retailkit/inventory';
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  allPages,
  as,
  expectNoDrift,
  type InventoryCase,
  type InventoryContext,
  inventoryOf,
} from './inventory-case-helpers.js';
import { COFFEE, defineLocation, registerFixtureItems, TEA } from './inventory-fixture.js';
import { StockModel, scaleOf, textOf, unitsOf } from './inventory-stock-model.js';

// A model-based check of the inventory invariants: random sequences of stock commands against the
// adapter, compared after every step with a model that is obviously right. Each run uses its own
// two locations, so runs share one adapter (and the items registered once).

const SKUS = [TEA, COFFEE] as const;
type Sku = (typeof SKUS)[number];
type Side = 0 | 1;

/** An open reservation: where, what each SKU still holds, and when it lapses (ms) if ever. */
interface OpenReservation {
  readonly side: Side;
  readonly open: Map<Sku, bigint>;
  readonly expiresAt: number | null;
}

/** A shipped transfer not yet settled: its direction and what each SKU still has in transit. */
interface OpenTransfer {
  readonly from: Side;
  readonly inTransit: Map<Sku, bigint>;
}

/** An ordered purchase order: where, and what each SKU still expects. */
interface OpenPurchaseOrder {
  readonly side: Side;
  readonly outstanding: Map<Sku, bigint>;
}

/** The levels and the open documents of one run. */
interface Model {
  readonly stock: StockModel;
  readonly reservations: Map<string, OpenReservation>;
  readonly transfers: Map<string, OpenTransfer>;
  readonly purchaseOrders: Map<string, OpenPurchaseOrder>;
}

interface Real {
  readonly context: InventoryContext;
  readonly inventory: Inventory;
  /** The run's two locations. */
  readonly locations: readonly [string, string];
  /** The next reference number. */
  next: number;
}

type Step = fc.AsyncCommand<Model, Real>;

/** Quantities: whole units for tea, 125 g steps for coffee. */
const quantity = (sku: Sku, n: number): bigint => (scaleOf(sku) === 0 ? BigInt(n) : BigInt(n) * 125n);

/** Runs `command`; an InsufficientStockError is the expected outcome exactly when `short`. */
async function expectShortWhen<T>(short: boolean, command: () => Promise<T>): Promise<T | undefined> {
  try {
    const result = await command();
    expect(short, 'the command went through although the model says stock is short').toBe(false);
    return result;
  } catch (error) {
    if (!short || !isRetailKitError(error, 'INSUFFICIENT_STOCK')) throw error;
    return undefined;
  }
}

/** The `pick`-th entry (modulo) of a non-empty map, in insertion order. */
function pickFrom<V>(map: ReadonlyMap<string, V>, pick: number): [string, V] {
  const entries = [...map.entries()];
  const entry = entries[pick % entries.length];
  if (!entry) throw new Error('nothing to pick from');
  return entry;
}

async function expectModel(model: Model, real: Real): Promise<void> {
  for (const locationId of real.locations) {
    await model.stock.expectMatches(real.inventory, locationId, SKUS);
    await expectNoDrift(real.inventory, locationId);
  }
}

class Adjust implements Step {
  constructor(
    readonly side: Side,
    readonly sku: Sku,
    readonly n: number,
    readonly direction: 'in' | 'out',
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const locationId = real.locations[this.side];
    const units = quantity(this.sku, this.n);
    const signed = this.direction === 'in' ? units : -units;
    const reason = this.direction === 'in' ? 'found' : 'damage';
    const short = signed < 0n && model.stock.available(locationId, this.sku) < units;
    const done = await expectShortWhen(short, () =>
      real.inventory.adjustStock(
        { locationId, lines: [{ sku: this.sku, quantity: textOf(this.sku, signed), reason }] },
        as,
      ),
    );
    if (done) model.stock.change(locationId, this.sku, { onHand: signed });
    await expectModel(model, real);
  }
  toString = () => `adjust-${this.direction}(${this.side}, ${this.sku}, ${this.n})`;
}

class Sell implements Step {
  constructor(
    readonly side: Side,
    readonly sku: Sku,
    readonly n: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const locationId = real.locations[this.side];
    const units = quantity(this.sku, this.n);
    const done = await expectShortWhen(model.stock.available(locationId, this.sku) < units, () =>
      real.inventory.recordSale(
        { locationId, lines: [{ sku: this.sku, quantity: textOf(this.sku, units) }] },
        as,
      ),
    );
    if (done) model.stock.change(locationId, this.sku, { onHand: -units });
    await expectModel(model, real);
  }
  toString = () => `sell(${this.side}, ${this.sku}, ${this.n})`;
}

class Return implements Step {
  constructor(
    readonly side: Side,
    readonly sku: Sku,
    readonly n: number,
    readonly condition: 'sellable' | 'damaged',
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const locationId = real.locations[this.side];
    const units = quantity(this.sku, this.n);
    await real.inventory.recordReturn(
      {
        locationId,
        lines: [{ sku: this.sku, quantity: textOf(this.sku, units), condition: this.condition }],
      },
      as,
    );
    if (this.condition === 'sellable') model.stock.change(locationId, this.sku, { onHand: units });
    await expectModel(model, real);
  }
  toString = () => `return(${this.side}, ${this.sku}, ${this.n}, ${this.condition})`;
}

class Reserve implements Step {
  constructor(
    readonly side: Side,
    readonly lines: readonly (readonly [Sku, number])[],
    readonly ttlMinutes: number | undefined,
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const locationId = real.locations[this.side];
    const demand = new Map<Sku, bigint>();
    for (const [sku, n] of this.lines) demand.set(sku, (demand.get(sku) ?? 0n) + quantity(sku, n));
    const short = [...demand].some(([sku, units]) => model.stock.available(locationId, sku) < units);
    const result = await expectShortWhen(short, () =>
      real.inventory.reserveStock(
        {
          reference: `order-${real.next++}`,
          locationId,
          lines: this.lines.map(([sku, n]) => ({ sku, quantity: textOf(sku, quantity(sku, n)) })),
          ...(this.ttlMinutes === undefined ? {} : { ttlMinutes: this.ttlMinutes }),
        },
        as,
      ),
    );
    const id = result?.reservations[0]?.id;
    if (id !== undefined) {
      for (const [sku, units] of demand) model.stock.change(locationId, sku, { reserved: units });
      const now = real.context.clock.now().getTime();
      model.reservations.set(id, {
        side: this.side,
        open: demand,
        expiresAt: this.ttlMinutes === undefined ? null : now + this.ttlMinutes * 60_000,
      });
    }
    await expectModel(model, real);
  }
  toString = () =>
    `reserve(${this.side}, ${this.lines.map(([sku, n]) => `${sku}×${n}`).join('+')}, ttl ${this.ttlMinutes ?? '-'})`;
}

class Settle implements Step {
  constructor(
    readonly action: 'commit' | 'release',
    readonly pick: number,
    readonly partial: boolean,
  ) {}
  check = (model: Readonly<Model>) => model.reservations.size > 0;
  async run(model: Model, real: Real): Promise<void> {
    const [id, reservation] = pickFrom(model.reservations, this.pick);
    const locationId = real.locations[reservation.side];
    const settle = new Map<Sku, bigint>();
    for (const [sku, open] of reservation.open) {
      if (open === 0n) continue;
      settle.set(sku, this.partial ? (open + 1n) / 2n : open);
      if (this.partial) break;
    }
    const input = {
      reservationId: id,
      ...(this.partial
        ? { lines: [...settle].map(([sku, units]) => ({ sku, quantity: textOf(sku, units) })) }
        : {}),
    };
    const view =
      this.action === 'commit'
        ? await real.inventory.commitReservation(input, as)
        : await real.inventory.releaseReservation(input, as);
    for (const [sku, units] of settle) {
      reservation.open.set(sku, (reservation.open.get(sku) ?? 0n) - units);
      model.stock.change(locationId, sku, {
        reserved: -units,
        onHand: this.action === 'commit' ? -units : 0n,
      });
    }
    const stillOpen = [...reservation.open.values()].some((units) => units > 0n);
    expect(view.status === 'open').toBe(stillOpen);
    if (!stillOpen) model.reservations.delete(id);
    await expectModel(model, real);
  }
  toString = () => `${this.action}(#${this.pick}, ${this.partial ? 'part' : 'all'})`;
}

class Expire implements Step {
  constructor(readonly minutes: number) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    real.context.clock.advance({ minutes: this.minutes });
    const now = real.context.clock.now().getTime();
    const expired: string[] = [];
    for (const locationId of real.locations) {
      expired.push(...(await real.inventory.expireReservations({ locationId }, as)).expired);
    }
    const due = [...model.reservations].filter(([, r]) => r.expiresAt !== null && r.expiresAt <= now);
    expect(expired.sort()).toEqual(due.map(([id]) => id).sort());
    for (const [id, reservation] of due) {
      for (const [sku, units] of reservation.open) {
        model.stock.change(real.locations[reservation.side], sku, { reserved: -units });
      }
      model.reservations.delete(id);
    }
    await expectModel(model, real);
  }
  toString = () => `expire(+${this.minutes} min)`;
}

class Ship implements Step {
  constructor(
    readonly from: Side,
    readonly sku: Sku,
    readonly n: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const [fromId, toId] = this.from === 0 ? real.locations : [real.locations[1], real.locations[0]];
    const units = quantity(this.sku, this.n);
    const { id } = await real.inventory.createTransfer(
      {
        fromLocationId: fromId,
        toLocationId: toId,
        lines: [{ sku: this.sku, quantity: textOf(this.sku, units) }],
      },
      as,
    );
    const ref = { id, fromLocationId: fromId, toLocationId: toId };
    await real.inventory.requestTransfer(ref, as);
    await real.inventory.approveTransfer(ref, as);
    const shipped = await expectShortWhen(model.stock.available(fromId, this.sku) < units, () =>
      real.inventory.shipTransfer(ref, as),
    );
    if (shipped) {
      model.stock.change(fromId, this.sku, { onHand: -units });
      model.stock.change(toId, this.sku, { incoming: units, inTransit: units });
      model.transfers.set(id, { from: this.from, inTransit: new Map([[this.sku, units]]) });
    } else {
      await real.inventory.cancelTransfer(ref, as);
    }
    await expectModel(model, real);
  }
  toString = () => `ship(${this.from}→${1 - this.from}, ${this.sku}, ${this.n})`;
}

type Arrival = 'all' | 'half' | 'short' | 'damaged' | 'over';

class ReceiveTransfer implements Step {
  constructor(
    readonly pick: number,
    readonly arrival: Arrival,
  ) {}
  check = (model: Readonly<Model>) => model.transfers.size > 0;
  async run(model: Model, real: Real): Promise<void> {
    const [id, transfer] = pickFrom(model.transfers, this.pick);
    const [fromId, toId] = transfer.from === 0 ? real.locations : [real.locations[1], real.locations[0]];
    const [sku, inTransit] = [...transfer.inTransit][0] as [Sku, bigint];
    // One unit at the item's scale: an item, or a gram of coffee.
    const unit = 1n;
    let [received, short, damaged] = [inTransit, 0n, 0n];
    if (this.arrival === 'half') received = (inTransit + 1n) / 2n;
    if (this.arrival === 'short') [received, short] = [inTransit - unit, unit];
    if (this.arrival === 'damaged') [received, damaged] = [inTransit - unit, unit];
    if (this.arrival === 'over') received = inTransit + unit;
    const over = received + short + damaged > inTransit ? received + short + damaged - inTransit : 0n;
    const settled = received - over + short + damaged;
    const receipt = await real.inventory.receiveTransfer(
      {
        id,
        fromLocationId: fromId,
        toLocationId: toId,
        lines: [
          {
            sku,
            received: textOf(sku, received),
            short: textOf(sku, short),
            damaged: textOf(sku, damaged),
          },
        ],
      },
      as,
    );
    model.stock.change(toId, sku, { onHand: received, incoming: -settled, inTransit: -settled });
    const left = inTransit - settled;
    expect(receipt.transfer.status).toBe(left === 0n ? 'received' : 'partially-received');
    // Conservation: shipped = received + short + damaged − over + what is still in transit.
    const [line] = receipt.transfer.lines;
    const units = (value: string | undefined) => unitsOf(sku, value ?? '0');
    expect(units(line?.shipped)).toBe(
      units(line?.received) + units(line?.short) + units(line?.damaged) - units(line?.over) + left,
    );
    if (left === 0n) model.transfers.delete(id);
    else transfer.inTransit.set(sku, left);
    await expectModel(model, real);
  }
  toString = () => `receive-transfer(#${this.pick}, ${this.arrival})`;
}

class OrderPurchase implements Step {
  constructor(
    readonly side: Side,
    readonly sku: Sku,
    readonly n: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const locationId = real.locations[this.side];
    const units = quantity(this.sku, this.n);
    const po = await real.inventory.createPurchaseOrder(
      {
        locationId,
        supplierId: 'supplier',
        lines: [{ sku: this.sku, quantity: textOf(this.sku, units), unitCost: `${this.n}.25` }],
      },
      as,
    );
    await real.inventory.orderPurchaseOrder({ id: po.id, locationId }, as);
    model.stock.change(locationId, this.sku, { incoming: units });
    model.purchaseOrders.set(po.id, { side: this.side, outstanding: new Map([[this.sku, units]]) });
    await expectModel(model, real);
  }
  toString = () => `order-po(${this.side}, ${this.sku}, ${this.n})`;
}

class ReceivePurchase implements Step {
  constructor(
    readonly pick: number,
    readonly half: boolean,
  ) {}
  check = (model: Readonly<Model>) => model.purchaseOrders.size > 0;
  async run(model: Model, real: Real): Promise<void> {
    const [id, po] = pickFrom(model.purchaseOrders, this.pick);
    const locationId = real.locations[po.side];
    const [sku, outstanding] = [...po.outstanding][0] as [Sku, bigint];
    const units = this.half ? (outstanding + 1n) / 2n : outstanding;
    await real.inventory.receivePurchaseOrder(
      { id, locationId, lines: [{ sku, quantity: textOf(sku, units) }] },
      as,
    );
    model.stock.change(locationId, sku, { onHand: units, incoming: -units });
    if (units === outstanding) model.purchaseOrders.delete(id);
    else po.outstanding.set(sku, outstanding - units);
    await expectModel(model, real);
  }
  toString = () => `receive-po(#${this.pick}, ${this.half ? 'half' : 'all'})`;
}

const side = fc.constantFrom<Side>(0, 1);
const sku = fc.constantFrom<Sku>(...SKUS);
const n = fc.integer({ min: 1, max: 8 });

const adjust = fc
  .tuple(side, sku, n, fc.constantFrom('in' as const, 'out' as const))
  .map((args): Step => new Adjust(...args));
const sell = fc.tuple(side, sku, n).map((args): Step => new Sell(...args));
const giveBack = fc
  .tuple(side, sku, n, fc.constantFrom('sellable' as const, 'damaged' as const))
  .map((args): Step => new Return(...args));
const reserve = fc
  .tuple(
    side,
    fc.array(fc.tuple(sku, n), { minLength: 1, maxLength: 3 }),
    fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
  )
  .map((args): Step => new Reserve(...args));
const settle = fc
  .tuple(fc.constantFrom('commit' as const, 'release' as const), fc.nat(), fc.boolean())
  .map((args): Step => new Settle(...args));
const expire = fc.integer({ min: 0, max: 20 }).map((minutes): Step => new Expire(minutes));
const ship = fc.tuple(side, sku, n).map((args): Step => new Ship(...args));
const receiveTransfer = fc
  .tuple(fc.nat(), fc.constantFrom<Arrival>('all', 'half', 'short', 'damaged', 'over'))
  .map((args): Step => new ReceiveTransfer(...args));
const orderPurchase = fc.tuple(side, sku, n).map((args): Step => new OrderPurchase(...args));
const receivePurchase = fc.tuple(fc.nat(), fc.boolean()).map((args): Step => new ReceivePurchase(...args));

// Sequences of 10 to 30 steps. Steps that act on an open document weigh more: they only run
// when one exists (`check`), and are skipped otherwise.
const commands = fc.array(
  fc.oneof(
    adjust,
    sell,
    giveBack,
    { arbitrary: reserve, weight: 2 },
    { arbitrary: settle, weight: 3 },
    expire,
    { arbitrary: ship, weight: 2 },
    { arbitrary: receiveTransfer, weight: 2 },
    orderPurchase,
    { arbitrary: receivePurchase, weight: 2 },
  ),
  { minLength: 10, maxLength: 30, size: 'max' },
);

/**
 * Runs the model-based check: after every step, every level of the run's locations equals the
 * model (on hand, reserved = open reservations, incoming, in transit), available is never
 * negative, and `verifyStock` finds no drift. At the end, the open reservations are the model's.
 */
async function runInventoryModel(context: InventoryContext, numRuns = 25): Promise<void> {
  const inventory = inventoryOf(context);
  await registerFixtureItems(inventory);
  let run = 0;
  await fc.assert(
    fc.asyncProperty(commands, async (sequence) => {
      run += 1;
      const locations = [`run-${run}-a`, `run-${run}-b`] as const;
      for (const id of locations) await defineLocation(inventory, id);
      const real: Real = { context, inventory, locations, next: 1 };
      const model: Model = {
        stock: new StockModel(),
        reservations: new Map(),
        transfers: new Map(),
        purchaseOrders: new Map(),
      };
      // Some stock to start from, so that most commands go through and shortages still come up.
      for (const locationId of locations) {
        for (const sku of SKUS) {
          const units = quantity(sku, 10);
          await inventory.adjustStock(
            { locationId, lines: [{ sku, quantity: textOf(sku, units), reason: 'found', unitCost: '1.00' }] },
            as,
          );
          model.stock.change(locationId, sku, { onHand: units });
        }
      }
      await fc.asyncModelRun(() => ({ model, real }), sequence);
      for (const [index, locationId] of locations.entries()) {
        const open = await allPages((page) =>
          real.inventory.listReservations({ locationId, status: 'open', ...page }, as),
        );
        expect(open.map((reservation) => reservation.id).sort()).toEqual(
          [...model.reservations]
            .filter(([, r]) => r.side === index)
            .map(([id]) => id)
            .sort(),
        );
      }
    }),
    { numRuns },
  );
}

/** The model-based check, as a conformance case. */
export const inventoryModelCases: readonly InventoryCase[] = [
  {
    id: 'inventory.model.random-command-sequences',
    title: 'random command sequences keep every level equal to a simple model, with no drift after any step',
    run: (context) => runInventoryModel(context),
  },
];
