import { isRetailKitError } from '@retailkit/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { testOrder } from '../../test/support/order-record-builder.js';
import type { OrderRecord } from '../storage/order-records.js';
import { defaultOrderProcess } from './default-order-process.js';
import { extendOrderProcess } from './extend-order-process.js';
import { setupOrderProcess } from './order-process.js';

// Orders of 1000.00 or more need a manager's approval before they are placed.
const needsApproval = (order: OrderRecord) => order.totals.total.length >= 7;

const withApproval = extendOrderProcess(defaultOrderProcess, {
  guards: { needsApproval },
  states: {
    draft: { on: { place: [{ target: 'awaiting-approval', guard: 'needsApproval' }, { target: 'placed' }] } },
    'awaiting-approval': {
      description: 'Waiting for a manager.',
      on: { approve: 'placed', cancel: 'cancelled' },
    },
  },
});

describe('extendOrderProcess', () => {
  it('routes large orders through the custom approval state and small ones straight to placed', () => {
    const large = testOrder({ status: 'draft', total: '2500.00' });
    expect(withApproval.transition(large, 'place').to).toBe('awaiting-approval');
    expect(withApproval.transition({ ...large, status: 'awaiting-approval' }, 'approve').to).toBe('placed');
    expect(withApproval.transition(testOrder({ status: 'draft', total: '25.00' }), 'place').to).toBe(
      'placed',
    );
  });

  it('keeps the base’s other events of a changed state, and all of its other states', () => {
    expect(withApproval.transition(testOrder({ status: 'draft' }), 'cancel').to).toBe('cancelled');
    expect(withApproval.allowedEvents(testOrder({ status: 'awaiting-approval' }))).toEqual([
      'approve',
      'cancel',
    ]);
    expect(withApproval.states).toEqual([...defaultOrderProcess.states, 'awaiting-approval']);
    expect(withApproval.events).toEqual([...defaultOrderProcess.events, 'approve']);
    expect(Object.keys(withApproval.guards)).toEqual([
      ...Object.keys(defaultOrderProcess.guards),
      'needsApproval',
    ]);
  });

  it('leaves the base process unchanged', () => {
    expect(defaultOrderProcess.transition(testOrder({ status: 'draft', total: '2500.00' }), 'place').to).toBe(
      'placed',
    );
    expect(defaultOrderProcess.states).not.toContain('awaiting-approval');
  });

  it('types the union of base and extension', () => {
    expectTypeOf(withApproval.states).toEqualTypeOf<
      readonly ((typeof defaultOrderProcess.states)[number] | 'awaiting-approval')[]
    >();
    expectTypeOf<(typeof withApproval.events)[number]>().toEqualTypeOf<
      (typeof defaultOrderProcess.events)[number] | 'approve'
    >();
    expect(() =>
      extendOrderProcess(defaultOrderProcess, {
        // @ts-expect-error 'approved' is neither a base nor a new state
        states: { 'awaiting-approval': { on: { approve: 'approved' } } },
      }),
    ).toThrow();
    expect(() =>
      extendOrderProcess(defaultOrderProcess, {
        guards: { needsApproval },
        // @ts-expect-error 'needsApprovl' is not a registered guard
        states: { draft: { on: { place: { target: 'placed', guard: 'needsApprovl' } } } },
      }),
    ).toThrow();
  });

  it('validates the merged table, naming the path', () => {
    const base = setupOrderProcess({ guards: {} }).createProcess({
      id: 'small',
      initial: 'open',
      states: { open: { on: { close: 'closed' } }, closed: { final: true } },
    });
    let caught: unknown;
    try {
      extendOrderProcess(base, { states: { closed: { on: { reopen: 'open' } } } });
    } catch (error) {
      caught = error;
    }
    expect(isRetailKitError(caught, 'VALIDATION_FAILED')).toBe(true);
    expect((caught as { issues: unknown }).issues).toEqual([
      { path: 'states.closed.on', message: 'a final state accepts no events' },
    ]);
    // Saying the state is no longer final makes the same change valid.
    const reopened = extendOrderProcess(base, {
      states: { closed: { final: false, on: { reopen: 'open' } } },
    });
    expect(reopened.transition(testOrder({ status: 'closed' }), 'reopen').to).toBe('open');
  });

  it('lets an extension replace a guard implementation by name', () => {
    const neverPaid = extendOrderProcess(defaultOrderProcess, { guards: { fullyPaid: () => false } });
    const order = testOrder({ status: 'placed', total: '0.00' });
    expect(defaultOrderProcess.transition(order, 'capture').to).toBe('paid');
    expect(neverPaid.transition(order, 'capture').to).toBe('placed');
  });
});
