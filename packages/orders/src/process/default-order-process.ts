import { orderGuards } from './order-guards.js';
import { type EventOf, type StateOf, setupOrderProcess } from './order-process.js';

/**
 * The order process retailkit ships: draft → placed → paid → fulfilled → shipped/picked up/handed
 * over → completed, with cancellation before fulfilment (or of the rest, once part is fulfilled). Payments, refunds and returns are events
 * too, so each writes a history entry even when the state stays. Extend it with
 * `extendOrderProcess`.
 */
export const defaultOrderProcess = setupOrderProcess({ guards: orderGuards }).createProcess({
  id: 'retailkit.order',
  initial: 'draft',
  states: {
    draft: {
      description: 'Being put together; nothing is reserved or owed yet.',
      on: { place: 'placed', cancel: 'cancelled' },
    },
    placed: {
      description: 'Placed and stock reserved; not yet fully paid.',
      on: {
        authorize: 'placed',
        capture: [{ target: 'paid', guard: 'fullyPaid' }, { target: 'placed' }],
        void: 'placed',
        refund: 'placed',
        cancel: 'cancelled',
      },
    },
    paid: {
      description: 'Fully paid; nothing handed over yet.',
      on: {
        capture: 'paid',
        refund: [{ target: 'paid', guard: 'fullyPaid' }, { target: 'placed' }],
        fulfil: [{ target: 'fulfilled', guard: 'fullyFulfilled' }, { target: 'partially-fulfilled' }],
        cancel: { target: 'cancelled', guard: 'nothingFulfilled' },
      },
    },
    'partially-fulfilled': {
      description: 'Some of the goods are handed over or packed.',
      on: {
        fulfil: [{ target: 'fulfilled', guard: 'fullyFulfilled' }, { target: 'partially-fulfilled' }],
        ship: { target: 'partially-fulfilled', guard: 'isDelivery' },
        track: 'partially-fulfilled',
        return: 'partially-fulfilled',
        refund: 'partially-fulfilled',
        capture: 'partially-fulfilled',
        // Cancelling the rest: what was handed over stays sold, the rest is released.
        cancel: [{ target: 'shipped', guard: 'allShipped' }, { target: 'fulfilled' }],
      },
    },
    fulfilled: {
      description: 'All goods are handed over or packed.',
      on: {
        ship: [
          { target: 'shipped', guard: 'allShipped' },
          { target: 'fulfilled', guard: 'isDelivery' },
        ],
        'pick-up': { target: 'picked-up', guard: 'isPickup' },
        complete: { target: 'completed', guard: 'isInStore' },
        return: 'fulfilled',
        refund: 'fulfilled',
        capture: 'fulfilled',
        track: 'fulfilled',
      },
    },
    shipped: {
      description: 'Every fulfilment is with a carrier.',
      on: {
        track: [{ target: 'delivered', guard: 'allDelivered' }, { target: 'shipped' }],
        deliver: 'delivered',
        return: 'shipped',
        refund: 'shipped',
      },
    },
    delivered: {
      description: 'The carrier delivered everything.',
      on: { complete: 'completed', return: 'delivered', refund: 'delivered' },
    },
    'picked-up': {
      description: 'The customer collected the order.',
      on: { complete: 'completed', return: 'picked-up', refund: 'picked-up' },
    },
    completed: {
      description: 'Done; returns and refunds are still possible.',
      on: { return: 'completed', refund: 'completed' },
    },
    cancelled: {
      description: 'Cancelled; money already taken can still be refunded.',
      on: { refund: 'cancelled' },
    },
  },
});

/** A state of the default order process. */
export type DefaultOrderState = StateOf<typeof defaultOrderProcess>;

/** An event of the default order process. */
export type DefaultOrderEvent = EventOf<typeof defaultOrderProcess>;

/** Every event of the default order process, in order of first declaration. */
export const ORDER_EVENTS: readonly DefaultOrderEvent[] = defaultOrderProcess.events;
