import { buildOrderProcess } from './build-order-process.js';
import type {
  OrderEffect,
  OrderGuard,
  OrderProcess,
  OrderProcessConfig,
  StateConfig,
} from './order-process.js';
import { validateImplementations } from './validate-process-config.js';

/** What {@link extendOrderProcess} adds to a base process: implementations, new states, changed events. */
export interface OrderProcessExtension<
  S extends string,
  E extends string,
  G extends string,
  X extends string,
  S2 extends string,
  E2 extends string,
  G2 extends string,
  X2 extends string,
> {
  /** New guards; a name the base already has replaces its implementation (as XState's `provide`). */
  readonly guards?: Record<G2, OrderGuard>;
  /** New effects; a name the base already has replaces its implementation. */
  readonly effects?: Record<X2, OrderEffect>;
  /**
   * New states, or changes to existing ones: an event given here replaces the base's transitions
   * for that event; the base's other events stay.
   */
  readonly states?: { readonly [K in S2]: StateConfig<S | S2, E | E2, G | G2, X | X2> };
}

/**
 * A new process: the base's table with the extension's states and events merged in, validated as a
 * whole. The base is left unchanged.
 *
 * @example
 * ```ts
 * const withApproval = extendOrderProcess(defaultOrderProcess, {
 *   guards: { needsApproval: (order) => order.channel === 'delivery' },
 *   states: {
 *     draft: { on: { place: [{ target: 'awaiting-approval', guard: 'needsApproval' }, { target: 'placed' }] } },
 *     'awaiting-approval': { on: { approve: 'placed', cancel: 'cancelled' } },
 *   },
 * });
 * ```
 */
export function extendOrderProcess<
  S extends string,
  E extends string,
  G extends string,
  X extends string,
  const S2 extends string = never,
  const E2 extends string = never,
  G2 extends string = never,
  X2 extends string = never,
>(
  base: OrderProcess<S, E, G, X>,
  extension: OrderProcessExtension<S, E, G, X, S2, E2, G2, X2>,
): OrderProcess<S | S2, E | E2, G | G2, X | X2> {
  validateImplementations({ guards: extension.guards ?? {}, effects: extension.effects ?? {} });
  const added = (extension.states ?? {}) as Readonly<
    Record<string, StateConfig<string, string, string, string>>
  >;
  const baseStates = base.config.states as Readonly<
    Record<string, StateConfig<string, string, string, string>>
  >;
  const states: Record<string, StateConfig<string, string, string, string>> = {};
  for (const name of [...Object.keys(baseStates), ...Object.keys(added)]) {
    if (Object.hasOwn(states, name)) continue;
    const before = Object.hasOwn(baseStates, name) ? baseStates[name] : undefined;
    const change = Object.hasOwn(added, name) ? added[name] : undefined;
    states[name] = mergeState(before, change);
  }
  const config = { id: base.id, initial: base.initial, states } as OrderProcessConfig<
    S | S2,
    E | E2,
    G | G2,
    X | X2
  >;
  return buildOrderProcess(
    config,
    { ...base.guards, ...extension.guards } as Record<G | G2, OrderGuard>,
    { ...base.effects, ...extension.effects } as Record<X | X2, OrderEffect>,
  );
}

function mergeState(
  before: StateConfig<string, string, string, string> | undefined,
  change: StateConfig<string, string, string, string> | undefined,
): StateConfig<string, string, string, string> {
  if (before === undefined) return change ?? {};
  if (change === undefined) return before;
  const on = before.on === undefined && change.on === undefined ? undefined : { ...before.on, ...change.on };
  const final = change.final ?? before.final;
  const description = change.description ?? before.description;
  return {
    ...(on === undefined ? {} : { on }),
    ...(final === undefined ? {} : { final }),
    ...(description === undefined ? {} : { description }),
  };
}
