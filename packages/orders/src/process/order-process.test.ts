import { isRetailKitError, type ValidationIssue } from '@retailkit/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { testOrder } from '../../test/support/order-record-builder.js';
import type { OrderRecord } from '../storage/order-records.js';
import { type OrderEffect, type OrderProcess, setupOrderProcess } from './order-process.js';

const isBig = (order: OrderRecord) => order.totals.total === '100.00';
const isSmall = (order: OrderRecord) => order.totals.total === '1.00';
const notify: OrderEffect = ({ emit, to }) => emit('order.notified', { to });

const setup = setupOrderProcess({ guards: { isBig, isSmall }, effects: { notify } });

function issuesOf(run: () => unknown): readonly ValidationIssue[] {
  try {
    run();
  } catch (error) {
    expect(isRetailKitError(error, 'VALIDATION_FAILED')).toBe(true);
    return (error as { issues: readonly ValidationIssue[] }).issues;
  }
  throw new Error('expected a ValidationError');
}

describe('setupOrderProcess().createProcess', () => {
  const process = setup.createProcess({
    id: 'test',
    initial: 'open',
    states: {
      open: {
        on: {
          close: [
            { target: 'big', guard: 'isBig', effects: ['notify'] },
            { target: 'small', guard: 'isSmall' },
          ],
          touch: 'open',
        },
      },
      big: { on: { reopen: 'open' } },
      small: {},
      done: { final: true },
    },
  });

  it('takes the first candidate whose guard passes and returns its effects', () => {
    expect(process.transition(testOrder({ status: 'open', total: '100.00' }), 'close')).toEqual({
      from: 'open',
      to: 'big',
      event: 'close',
      effects: ['notify'],
    });
    expect(process.transition(testOrder({ status: 'open', total: '1.00' }), 'close').to).toBe('small');
  });

  it('refuses the event when no candidate passes, listing what is allowed', () => {
    const order = testOrder({ status: 'open', total: '5.00' });
    expect(process.can(order, 'close')).toBe(false);
    expect(process.allowedEvents(order)).toEqual(['touch']);
    expect(() => process.transition(order, 'close')).toThrow('Cannot close from open; allowed: touch');
  });

  it('lists states and events in declaration order and reports final states', () => {
    expect(process.states).toEqual(['open', 'big', 'small', 'done']);
    expect(process.events).toEqual(['close', 'touch', 'reopen']);
    expect([process.isFinal('done'), process.isFinal('small')]).toEqual([true, false]);
  });

  it('does not share or freeze the caller’s table', () => {
    const states = { a: { on: { go: 'b' } }, b: {} } as const;
    const mutable = JSON.parse(JSON.stringify(states)) as typeof states;
    const built = setup.createProcess({ id: 'copy', initial: 'a', states: mutable });
    expect(Object.isFrozen(mutable.a)).toBe(false);
    expect(built.config.states).not.toBe(mutable);
  });

  it('types states, events and effects from the table', () => {
    expectTypeOf(process.states).toEqualTypeOf<readonly ('open' | 'big' | 'small' | 'done')[]>();
    expectTypeOf(process.events).toEqualTypeOf<readonly ('close' | 'touch' | 'reopen')[]>();
    expectTypeOf<ReturnType<typeof process.transition>['effects']>().toEqualTypeOf<readonly 'notify'[]>();
    // A specific process is usable wherever any process is accepted.
    expectTypeOf(process).toExtend<OrderProcess>();
  });

  it('rejects unknown targets, guards and effects at compile time', () => {
    const reject = (build: () => unknown) => expect(build).toThrow();
    reject(() =>
      setup.createProcess({
        id: 'typo',
        initial: 'a',
        // @ts-expect-error 'c' is not a declared state
        states: { a: { on: { go: 'c' } }, b: {} },
      }),
    );
    reject(() =>
      setup.createProcess({
        id: 'typo',
        // @ts-expect-error 'z' is not a declared state
        initial: 'z',
        states: { a: {} },
      }),
    );
    reject(() =>
      setup.createProcess({
        id: 'typo',
        initial: 'a',
        // @ts-expect-error 'isHuge' is not a registered guard
        states: { a: { on: { go: { target: 'a', guard: 'isHuge' } } } },
      }),
    );
    reject(() =>
      setup.createProcess({
        id: 'typo',
        initial: 'a',
        // @ts-expect-error 'email' is not a registered effect
        states: { a: { on: { go: { target: 'a', effects: ['email'] } } } },
      }),
    );
  });
});

describe('process validation', () => {
  it('names the path of every problem at once', () => {
    const issues = issuesOf(() =>
      setup.createProcess({
        id: 'broken',
        initial: 'nowhere' as 'a',
        states: {
          a: {
            on: {
              go: [
                { target: 'b' as 'a', guard: 'isHuge' as 'isBig', effects: ['notify', 'email' as 'notify'] },
                { target: 'a' },
              ],
              stay: 'missing' as 'a',
            },
          },
          z: { final: true, on: { back: 'a' } },
        },
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual([
      'initial',
      'states.a.on.go.0.target',
      'states.a.on.go.0.guard',
      'states.a.on.go.0.effects.1',
      'states.a.on.stay',
      'states.z.on',
    ]);
    expect(issues[0]?.message).toBe('must be a declared state; got "nowhere"');
  });

  it('refuses an unguarded candidate that is not the last, since the ones after it could never apply', () => {
    const issues = issuesOf(() =>
      setup.createProcess({
        id: 'dead',
        initial: 'a',
        states: { a: { on: { go: [{ target: 'a' }, { target: 'a', guard: 'isBig' }] } } },
      }),
    );
    expect(issues).toEqual([
      { path: 'states.a.on.go.0', message: 'an unguarded transition must be the last candidate' },
    ]);
  });

  it('refuses an empty list of candidates and a malformed table', () => {
    expect(
      issuesOf(() => setup.createProcess({ id: 'empty', initial: 'a', states: { a: { on: { go: [] } } } })),
    ).toEqual([{ path: 'states.a.on.go', message: 'must declare at least one transition' }]);
    const malformed = { id: '', initial: 'a', states: { a: { on: { go: 5 } }, b: { colour: 'red' } } };
    const paths = issuesOf(() => setup.createProcess(malformed as never)).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'states.a.on.go', 'states.b']));
  });

  it('refuses guard and effect implementations that are not functions', () => {
    const issues = issuesOf(() =>
      setupOrderProcess({ guards: { ok: () => true, broken: 'yes' as never }, effects: { e: 1 as never } }),
    );
    expect(issues.map((issue) => issue.path)).toEqual(['guards.broken', 'effects.e']);
  });
});
