import type { JsonValue } from '@retailkit/core';
import type { OrderRecord } from '../storage/order-records.js';
import { buildOrderProcess } from './build-order-process.js';
import { validateImplementations } from './validate-process-config.js';

/** A named condition on a transition; it sees the order as it is AFTER the command's change. */
export type OrderGuard = (order: OrderRecord) => boolean;

/** What an effect gets: the changed order, the transition taken, and `emit` to append a domain event. */
export interface OrderEffectArgs {
  /** The order after the command's change, in its new state. */
  readonly order: OrderRecord;
  /** The state before. */
  readonly from: string;
  /** The state after. */
  readonly to: string;
  /** The event applied. */
  readonly event: string;
  /** Appends a domain event to the command's outbox. */
  readonly emit: (type: string, payload: { readonly [key: string]: JsonValue }) => void;
}

/** A named side effect of a transition, run by the command inside its transaction. */
export type OrderEffect = (args: OrderEffectArgs) => void | Promise<void>;

/** One declared transition: where it goes, the guard that must pass, and the effects it runs. */
export interface TransitionSpec<S extends string, G extends string, X extends string> {
  /** The state it leads to (`NoInfer` so targets are checked against the declared states, not added to them). */
  readonly target: NoInfer<S>;
  /** The registered guard that must pass; none means it always applies. */
  readonly guard?: NoInfer<G>;
  /** Registered effects to run, in order. */
  readonly effects?: readonly NoInfer<X>[];
  /** Why it exists, for generated docs and diagrams. */
  readonly description?: string;
}

/** A target state, one transition, or candidates tried in order where the first passing guard wins. */
export type TransitionConfig<S extends string, G extends string, X extends string> =
  | NoInfer<S>
  | TransitionSpec<S, G, X>
  | readonly TransitionSpec<S, G, X>[];

/** A state: the events it accepts; a final state accepts none. */
export interface StateConfig<S extends string, E extends string, G extends string, X extends string> {
  /** Transitions by event. */
  readonly on?: { readonly [K in E]?: TransitionConfig<S, G, X> };
  /** Nothing can happen to the order any more; a final state has no `on`. */
  readonly final?: boolean;
  /** What the state means to the store. */
  readonly description?: string;
}

/** The declared transition table of an order process. */
export interface OrderProcessConfig<S extends string, E extends string, G extends string, X extends string> {
  /** The process's name, e.g. `'retailkit.order'`. */
  readonly id: string;
  /** The state a new order starts in. */
  readonly initial: NoInfer<S>;
  /** Every state, in the order they are listed. */
  readonly states: { readonly [K in S]: StateConfig<S, E, G, X> };
}

/** The outcome of {@link OrderProcess.transition}: the state change and the effects to run. */
export interface TransitionResult<S extends string, E extends string, X extends string> {
  /** The state before. */
  readonly from: S;
  /** The state after (equal to `from` for a self-transition). */
  readonly to: S;
  /** The event applied. */
  readonly event: E;
  /** Effects of the chosen transition, in order. */
  readonly effects: readonly X[];
}

/** A validated, immutable order process: the transition table with its guard and effect implementations. */
export interface OrderProcess<
  S extends string = string,
  E extends string = string,
  G extends string = string,
  X extends string = string,
> {
  /** The process's name. */
  readonly id: string;
  /** The state a new order starts in. */
  readonly initial: S;
  /** Every state, in declaration order. */
  readonly states: readonly S[];
  /** Every event any state accepts, in order of first declaration. */
  readonly events: readonly E[];
  /** The table as declared. */
  readonly config: OrderProcessConfig<S, E, G, X>;
  /** Guard implementations by name. */
  readonly guards: Readonly<Record<G, OrderGuard>>;
  /** Effect implementations by name. */
  readonly effects: Readonly<Record<X, OrderEffect>>;
  /** Pure: the next state for `event` in `order.status` given the order after the change; InvalidTransitionError (naming the events allowed now) when no declared transition's guard passes or the event is not declared in that state. */
  transition(order: OrderRecord, event: string): TransitionResult<S, E, X>;
  /** Whether transition() would succeed. */
  can(order: OrderRecord, event: string): boolean;
  /** The events whose transition would succeed now, in declaration order. */
  allowedEvents(order: OrderRecord): readonly E[];
  /** Whether `state` is declared final. */
  isFinal(state: string): boolean;
}

/** What {@link setupOrderProcess} returns: a factory of processes typed by the registered names. */
export interface OrderProcessSetup<G extends string, X extends string> {
  /** Validates the table (ValidationError with the failing path) and returns the process. */
  createProcess<const S extends string, const E extends string>(
    config: OrderProcessConfig<S, E, G, X>,
  ): OrderProcess<S, E, G, X>;
}

/**
 * Registers guard and effect implementations by name, then declares tables that may only name
 * them (XState v5's `setup().createMachine()` shape).
 *
 * @example
 * ```ts
 * const process = setupOrderProcess({ guards: { isPickup: (order) => order.channel === 'pickup' } })
 *   .createProcess({ id: 'pickup', initial: 'open', states: { open: { on: { collect: { target: 'done', guard: 'isPickup' } } }, done: { final: true } } });
 * ```
 */
export function setupOrderProcess<G extends string, X extends string = never>(impl: {
  guards: Record<G, OrderGuard>;
  effects?: Record<X, OrderEffect>;
}): OrderProcessSetup<G, X> {
  validateImplementations(impl);
  const guards = Object.freeze({ ...impl.guards });
  const effects = Object.freeze({ ...(impl.effects ?? ({} as Record<X, OrderEffect>)) });
  return Object.freeze({
    createProcess: <const S extends string, const E extends string>(config: OrderProcessConfig<S, E, G, X>) =>
      buildOrderProcess(config, guards, effects),
  });
}

/** The states of a process type: `StateOf<typeof defaultOrderProcess>`. */
export type StateOf<P> = P extends OrderProcess<infer S, string, string, string> ? S : never;

/** The events of a process type: `EventOf<typeof defaultOrderProcess>`. */
export type EventOf<P> = P extends OrderProcess<string, infer E, string, string> ? E : never;
