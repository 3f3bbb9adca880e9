import { authorize, currencySchema, defineCommand, idSchema, ValidationError } from '@retailkit/core';
import { z } from 'zod';
import { priceOrder } from '../pricing/price-order.js';
import { type OrderView, toOrderView } from '../queries/order-view.js';
import { saveNewOrder, startNewOrder } from '../shared/apply-order-event.js';
import type { OrderCommand } from '../shared/define-order-command.js';
import {
  discountInputSchema,
  positiveAmountSchema,
  positiveQuantitySchema,
  reasonSchema,
  skuSchema,
  storeIdSchema,
} from '../shared/order-schemas.js';
import type { OrderCommandContext, OrderStorageRepositories } from '../shared/orders-context.js';
import type { DiscountRecord, OrderLineRecord, OrderRecord } from '../storage/order-records.js';
import type { ResolvedOrderCommandsOptions } from './order-commands-options.js';
import { placeOrderRecord } from './place-order.js';

const CONTEXT = 'orders.create input';

/** The fields of {@link createOrderInput}, for commands that take an order's lines too. */
export const createOrderShape = {
  /** The order id (your order number); generated when omitted. An id that exists is refused: retry safely with an idempotency key. */
  orderId: idSchema.optional(),
  /** The selling store. */
  storeId: storeIdSchema,
  /** Where stock is reserved and fulfilled from; the store when omitted. */
  locationId: storeIdSchema.optional(),
  /** `in-store` (a till sale), `pickup` (click and collect) or `delivery`. */
  channel: z.literal(['in-store', 'pickup', 'delivery']),
  /** The customer, when known. */
  customerId: idSchema.optional(),
  /** Only prices in this currency (needed when the store sells in several). */
  currency: currencySchema.optional(),
  /** The lines; several lines may name one SKU. */
  lines: z
    .array(
      z.strictObject({
        /** The SKU. */
        sku: skuSchema,
        /** How much. */
        quantity: positiveQuantitySchema,
        /** A manual unit price instead of the catalog's: needs `orders.override-price` and a reason. */
        unitPrice: positiveAmountSchema.optional(),
        /** Why the price was overridden. */
        overrideReason: reasonSchema.optional(),
        /** Discounts on this line. */
        discounts: z.array(discountInputSchema).max(10).optional(),
      }),
    )
    .min(1)
    .max(500),
  /** Discounts on the whole order, allocated across the lines to the minor unit. */
  discounts: z.array(discountInputSchema).max(10).optional(),
  /** The delivery address, as printed lines (delivery orders). */
  shippingAddress: z.array(z.string().trim().min(1).max(200)).min(1).max(10).optional(),
  /** Free text. */
  note: reasonSchema.optional(),
  /** Place the order at once (checkout): stock is reserved and the order leaves `draft`. */
  place: z.boolean().optional(),
};

/** Refuses a price override without a reason, and a reason without a price. */
export function checkOverrides(
  input: {
    readonly lines: readonly {
      readonly unitPrice?: string | undefined;
      readonly overrideReason?: string | undefined;
    }[];
  },
  issues: z.RefinementCtx,
): void {
  input.lines.forEach((line, index) => {
    if (line.unitPrice !== undefined && line.overrideReason === undefined) {
      issues.addIssue({
        code: 'custom',
        path: ['lines', index, 'overrideReason'],
        message: 'a price override needs a reason',
      });
    }
    if (line.unitPrice === undefined && line.overrideReason !== undefined) {
      issues.addIssue({
        code: 'custom',
        path: ['lines', index, 'unitPrice'],
        message: 'give the overriding price',
      });
    }
  });
}

/** Input of the create-order command. */
export const createOrderInput = z.strictObject(createOrderShape).superRefine((input, issues) => {
  checkOverrides(input, issues);
  if (input.channel === 'delivery' && input.shippingAddress === undefined) {
    issues.addIssue({
      code: 'custom',
      path: ['shippingAddress'],
      message: 'a delivery order needs an address',
    });
  }
});

function discountRecords(
  discounts:
    | readonly { kind: 'percentage' | 'fixed'; value: string; reason?: string | undefined }[]
    | undefined,
  prefix: string,
): DiscountRecord[] {
  return (discounts ?? []).map((discount, index) => ({
    id: `${prefix}${index + 1}`,
    kind: discount.kind,
    value: discount.value,
    reason: discount.reason ?? null,
  }));
}

/** Builds a new order record from validated input: prices from the catalog (or the override), then exact totals. */
export async function buildOrder<R extends OrderStorageRepositories>(
  ctx: OrderCommandContext<R>,
  options: ResolvedOrderCommandsOptions<R>,
  input: z.output<typeof createOrderInput>,
): Promise<OrderRecord> {
  if (input.lines.some((line) => line.unitPrice !== undefined)) {
    await authorize(options.policy, {
      actor: ctx.actor,
      permission: 'orders.override-price',
      storeId: input.storeId,
    });
  }
  const paths = new Map<string, string>();
  input.lines.forEach((line, index) => {
    if (!paths.has(line.sku)) paths.set(line.sku, `lines.${index}.sku`);
  });
  const priced = await options.pricing.price(
    ctx,
    { storeId: input.storeId, skus: [...paths.keys()], at: ctx.now, currency: input.currency },
    paths,
  );
  const currencies = new Set([...priced.values()].map((sku) => sku.unitPrice.currency));
  if (currencies.size > 1) {
    throw new ValidationError(
      [
        {
          path: 'currency',
          message: `the lines are priced in ${[...currencies].sort().join(', ')}: name the currency`,
        },
      ],
      { context: CONTEXT },
    );
  }
  const currency = input.currency ?? [...currencies][0] ?? 'EUR';
  const taxMode = options.taxMode(input.storeId);
  const taxRounding = options.taxRounding(input.storeId);
  const drafts = input.lines.map((line, index) => {
    const sku = priced.get(line.sku);
    if (!sku) {
      throw new ValidationError(
        [{ path: `lines.${index}.sku`, message: `${line.sku} has no price in ${input.storeId}` }],
        {
          context: CONTEXT,
        },
      );
    }
    const decimals = line.quantity.split('.')[1]?.replace(/0+$/, '').length ?? 0;
    if (sku.unitScale !== undefined && decimals > sku.unitScale) {
      throw new ValidationError(
        [
          {
            path: `lines.${index}.quantity`,
            message:
              sku.unitScale === 0
                ? `${line.sku} is sold in whole units; ${line.quantity} has decimals`
                : `${line.sku} is sold to ${sku.unitScale} decimals; ${line.quantity} is finer`,
          },
        ],
        { context: CONTEXT },
      );
    }
    const catalogPrice = sku.unitPrice.toJSON().amount;
    return {
      id: String(index + 1),
      sku: line.sku,
      name: sku.name,
      categoryId: sku.categoryId,
      quantity: line.quantity,
      unitPrice: line.unitPrice ?? catalogPrice,
      catalogPrice,
      overrideReason: line.overrideReason ?? null,
      taxClassId: sku.taxClassId,
      taxRate: sku.taxRate,
      discounts: discountRecords(line.discounts, `L${index + 1}-`),
    };
  });
  const discounts = discountRecords(input.discounts, 'D');
  const pricedOrder = priceOrder({ currency, taxMode, taxRounding, lines: drafts, discounts });
  const lines: OrderLineRecord[] = drafts.map((draft, index) => {
    const amounts = pricedOrder.lines[index] as (typeof pricedOrder.lines)[number];
    return {
      ...draft,
      gross: amounts.gross,
      lineDiscount: amounts.lineDiscount,
      orderDiscount: amounts.orderDiscount,
      net: amounts.net,
      tax: amounts.tax,
      total: amounts.total,
      fulfilled: '0',
      returned: '0',
      cancelled: '0',
    };
  });
  const now = ctx.now.toISOString();
  const calendar = options.storeCalendar ? ((await options.storeCalendar(ctx, input.storeId)) ?? null) : null;
  return {
    id: input.orderId ?? ctx.ids.next(),
    storeId: input.storeId,
    locationId: input.locationId ?? input.storeId,
    channel: input.channel,
    customerId: input.customerId ?? null,
    currency,
    status: options.process.initial,
    taxMode,
    taxRounding,
    lines,
    discounts,
    totals: pricedOrder.totals,
    payments: [],
    fulfilments: [],
    shipments: [],
    returns: [],
    reservationIds: [],
    pickupCode: null,
    shippingAddress: input.shippingAddress ?? null,
    exchangeForOrderId: null,
    note: input.note ?? null,
    calendar: calendar === null ? null : { timeZone: calendar.timeZone, dayStart: calendar.dayStart },
    placedAt: null,
    createdAt: now,
    updatedAt: now,
    historyLength: 0,
    version: 1,
  };
}

/**
 * Makes the create-order command: lines priced by the store's prices (a manual price needs
 * `orders.override-price` and a reason), line and order discounts allocated to the minor unit,
 * tax by class and store, totals that reconcile. The order starts in the process's initial state
 * (`draft`), or is placed at once with `place: true`.
 */
export function createOrderCommand<R extends OrderStorageRepositories>(
  options: ResolvedOrderCommandsOptions<R>,
): OrderCommand<R, typeof createOrderInput> {
  return defineCommand({
    name: 'orders.create',
    permission: 'orders.create',
    input: createOrderInput,
    // Stock is reserved and sold at the location: the actor must be allowed there too.
    storeId: (input) =>
      input.locationId === undefined || input.locationId === input.storeId
        ? input.storeId
        : [input.storeId, input.locationId],
    handler: async (ctx: OrderCommandContext<R>, input): Promise<OrderView> => {
      const order = await buildOrder(ctx, options, input);
      await startNewOrder(ctx, order);
      const final = input.place ? await placeOrderRecord(ctx, options, order) : order;
      return toOrderView(await saveNewOrder(ctx, final), options.process);
    },
  });
}
