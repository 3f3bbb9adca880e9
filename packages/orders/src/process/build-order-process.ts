import { InvalidTransitionError } from '@retailkit/core';
import type { OrderRecord } from '../storage/order-records.js';
import type {
  OrderEffect,
  OrderGuard,
  OrderProcess,
  OrderProcessConfig,
  TransitionResult,
} from './order-process.js';
import {
  type NormalizedTransition,
  normalizeTransitions,
  validateProcessConfig,
} from './validate-process-config.js';

/** Freezes a plain object tree so a shared process table cannot be changed by one of its users. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Validates `config` against the registered implementations and returns the process. Lookups use
 * Maps so an event named like an Object.prototype member (`toString`) is never mistaken for a
 * declared one.
 */
export function buildOrderProcess<S extends string, E extends string, G extends string, X extends string>(
  config: OrderProcessConfig<S, E, G, X>,
  guards: Readonly<Record<G, OrderGuard>>,
  effects: Readonly<Record<X, OrderEffect>>,
): OrderProcess<S, E, G, X> {
  validateProcessConfig(config, new Set(Object.keys(guards)), new Set(Object.keys(effects)));
  const frozenConfig = deepFreeze(structuredClone(config));
  const guardMap = new Map<string, OrderGuard>(Object.entries<OrderGuard>(guards));
  const table = new Map<string, Map<string, readonly NormalizedTransition[]>>();
  const events: E[] = [];
  const finals = new Set<string>();
  for (const [state, stateConfig] of Object.entries<(typeof frozenConfig.states)[S]>(frozenConfig.states)) {
    if (stateConfig.final === true) finals.add(state);
    const byEvent = new Map<string, readonly NormalizedTransition[]>();
    for (const [event, transitionConfig] of Object.entries(stateConfig.on ?? {})) {
      byEvent.set(
        event,
        normalizeTransitions(transitionConfig).map(({ spec }) => spec),
      );
      if (!events.includes(event as E)) events.push(event as E);
    }
    table.set(state, byEvent);
  }

  const choose = (order: OrderRecord, event: string): NormalizedTransition | undefined => {
    const candidates = table.get(order.status)?.get(event);
    if (candidates === undefined) return undefined;
    return candidates.find((spec) => spec.guard === undefined || guardMap.get(spec.guard)?.(order) === true);
  };

  const allowedEvents = (order: OrderRecord): readonly E[] => {
    const byEvent = table.get(order.status);
    if (byEvent === undefined) return [];
    return [...byEvent.keys()].filter((event) => choose(order, event) !== undefined) as E[];
  };

  const process: OrderProcess<S, E, G, X> = {
    id: frozenConfig.id,
    initial: frozenConfig.initial,
    states: Object.freeze(Object.keys(frozenConfig.states) as S[]),
    events: Object.freeze(events),
    config: frozenConfig,
    guards: Object.freeze({ ...guards }),
    effects: Object.freeze({ ...effects }),
    transition(order, event): TransitionResult<S, E, X> {
      const chosen = choose(order, event);
      if (chosen === undefined) {
        throw new InvalidTransitionError(order.status, event, allowedEvents(order), {
          details: { process: frozenConfig.id, knownState: table.has(order.status) },
        });
      }
      return Object.freeze({
        from: order.status as S,
        to: chosen.target as S,
        event: event as E,
        effects: Object.freeze([...chosen.effects]) as readonly X[],
      });
    },
    can: (order, event) => choose(order, event) !== undefined,
    allowedEvents,
    isFinal: (state) => finals.has(state),
  };
  return Object.freeze(process);
}
