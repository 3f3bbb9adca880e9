import type { TaxMode, TaxRounding } from '@retailkit/orders';
import fc from 'fast-check';
import { MODEL_SKUS } from './order-model.js';

// Steps name orders and lines by a random natural (`pick`, `line`) taken modulo what exists when
// the step runs, and amounts by a share (1‥100 %) of what is due, refundable or open then, so
// every generated sequence stays meaningful as it shrinks.

/** A new order: lines over the 3 SKUs, possibly more than is in stock. */
export interface PlaceStep {
  readonly kind: 'place';
  readonly channel: 'in-store' | 'pickup' | 'delivery';
  /** Delivery orders reserve in the warehouse instead of the store. */
  readonly fromWarehouse: boolean;
  readonly lines: readonly { readonly sku: string; readonly quantity: number }[];
  /** Create a draft; `submit` places it later. */
  readonly draft: boolean;
  /** An order discount in percent, or none. */
  readonly discountPercent: string | null;
}

/** A step on an existing order. */
export type OrderStep =
  /** The order's natural next command (pay what is due, fulfil, ship, hand over, return): deep lifecycles. */
  | { readonly kind: 'advance'; readonly pick: number; readonly share: number; readonly variant: number }
  | { readonly kind: 'submit'; readonly pick: number }
  | { readonly kind: 'pay'; readonly pick: number; readonly share: number; readonly excess: boolean }
  | { readonly kind: 'authorize'; readonly pick: number; readonly share: number }
  | {
      readonly kind: 'capture';
      readonly pick: number;
      readonly payment: number;
      readonly share: number | null;
    }
  | { readonly kind: 'void'; readonly pick: number; readonly payment: number }
  | {
      readonly kind: 'fulfil';
      readonly pick: number;
      /** A line, or every open line when null. */
      readonly line: number | null;
      readonly share: number;
      /** Ask for one more than is open: must be refused. */
      readonly excess: boolean;
    }
  | { readonly kind: 'ship'; readonly pick: number }
  | { readonly kind: 'track'; readonly pick: number }
  | { readonly kind: 'pick-up'; readonly pick: number; readonly wrongCode: boolean }
  | { readonly kind: 'complete'; readonly pick: number }
  | { readonly kind: 'cancel'; readonly pick: number }
  | {
      readonly kind: 'return';
      readonly pick: number;
      readonly line: number;
      readonly share: number;
      readonly condition: 'sellable' | 'damaged';
      /** Return one more than fulfilled and not yet returned: must be refused. */
      readonly excess: boolean;
    }
  | {
      readonly kind: 'refund';
      readonly pick: number;
      /** A share of what is refundable, one cent more than that, or what a return is worth. */
      readonly mode: 'amount' | 'excess' | 'return';
      readonly share: number;
    };

/** One command of a run. */
export type Step = PlaceStep | OrderStep;

/** A run: the store's tax settings and its commands. */
export interface Scenario {
  readonly taxMode: TaxMode;
  readonly taxRounding: TaxRounding;
  readonly steps: readonly Step[];
}

// Small picks are the most likely, and count from the newest order, so orders live long enough to
// be paid, fulfilled and returned.
const pick = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.nat({ max: 20 }) },
);
const share = fc.oneof(fc.constant(100), fc.integer({ min: 1, max: 100 }));
// True about one time in five: the deliberately illegal variants stay a minority.
const rarely = fc.integer({ min: 0, max: 4 }).map((n) => n === 0);

const placeStep: fc.Arbitrary<PlaceStep> = fc.record({
  kind: fc.constant('place' as const),
  channel: fc.constantFrom('in-store' as const, 'pickup' as const, 'delivery' as const),
  fromWarehouse: fc.boolean(),
  lines: fc.array(
    fc.record({ sku: fc.constantFrom(...MODEL_SKUS), quantity: fc.integer({ min: 1, max: 5 }) }),
    { minLength: 1, maxLength: 3 },
  ),
  draft: rarely,
  discountPercent: fc.constantFrom(null, null, '5', '10', '12.5'),
});

const orderStep: fc.Arbitrary<OrderStep> = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      pick,
      share,
      variant: fc.integer({ min: 0, max: 5 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('submit' as const), pick }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('pay' as const), pick, share, excess: rarely }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('authorize' as const), pick, share }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('capture' as const),
      pick,
      payment: pick,
      share: fc.option(share, { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('void' as const), pick, payment: pick }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('fulfil' as const),
      pick,
      line: fc.option(pick, { nil: null }),
      share,
      excess: rarely,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('ship' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('track' as const), pick }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('pick-up' as const), pick, wrongCode: rarely }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('complete' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('return' as const),
      pick,
      line: pick,
      share,
      condition: fc.constantFrom('sellable' as const, 'damaged' as const),
      excess: rarely,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      pick,
      mode: fc.constantFrom('amount' as const, 'excess' as const, 'return' as const),
      share,
    }),
  },
);

/** Runs of `minSteps` to `maxSteps` commands, about one in six placing an order. */
export function scenarioArbitrary(minSteps: number, maxSteps: number): fc.Arbitrary<Scenario> {
  return fc.record({
    taxMode: fc.constantFrom('exclusive' as const, 'inclusive' as const),
    taxRounding: fc.constantFrom('per-line' as const, 'per-order' as const),
    steps: fc.array(fc.oneof({ weight: 1, arbitrary: placeStep }, { weight: 5, arbitrary: orderStep }), {
      minLength: minSteps,
      maxLength: maxSteps,
      size: 'max',
    }),
  });
}
