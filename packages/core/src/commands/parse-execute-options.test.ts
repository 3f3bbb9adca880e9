import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validationPaths } from '../../test/support/catch-error.js';
import { parseInput } from '../validation/parse-input.js';
import {
  executeOptionsSchema,
  fastParseExecuteOptions,
  parseExecuteOptions,
} from './parse-execute-options.js';

const awkwardIds = [
  '',
  ' ',
  ' cara ',
  'a'.repeat(200),
  'a'.repeat(201),
  ` ${'a'.repeat(200)} `,
  '\u00a0x\u2028',
];
const id = fc.oneof(
  fc.string(),
  fc.constantFrom(...awkwardIds),
  fc.integer(),
  fc.constantFrom(undefined, null),
);
const ids = fc.oneof(
  fc.array(id, { maxLength: 4 }),
  fc.array(fc.string({ minLength: 1 }), { maxLength: 3 }),
  // biome-ignore lint/suspicious/noSparseArray: a hole is one of the cases
  fc.constantFrom(undefined, null, 'cashier', [, 'cashier']),
);
const plainActor = fc.record(
  { id, roles: ids, storeIds: ids, name: fc.string() },
  { requiredKeys: [], noNullPrototype: false },
);
const actor = fc.oneof(
  plainActor,
  plainActor.map((fields) => Object.assign(Object.create({ inherited: true }) as object, fields)),
  fc.constantFrom(null, 'bench', ['bench']),
);
const key = fc.oneof(
  fc.string(),
  fc.constantFrom('k-1', '', 'a b', 'x'.repeat(200), 'x'.repeat(201), 'caf\u00e9'),
  fc.integer(),
  fc.constant(undefined),
);
const options = fc.oneof(
  fc.record({ actor, idempotencyKey: key }, { requiredKeys: ['actor'] }),
  fc.record({ actor, idempotencykey: key }, { requiredKeys: ['actor'] }),
  // Inherited enumerable keys are seen by the strict schema too.
  fc
    .record({ actor, idempotencyKey: key }, { requiredKeys: ['actor'] })
    .map((fields) => Object.assign(Object.create({ stray: 1 }) as object, fields)),
  fc.constantFrom(null, undefined, 'actor', []),
);

/** The schema's answer: the parsed options, or the failing issue paths. */
function schemaAnswer(raw: unknown) {
  try {
    return { parsed: parseInput(executeOptionsSchema, raw, 'options') };
  } catch {
    return { paths: validationPaths(() => parseInput(executeOptionsSchema, raw, 'options')) };
  }
}

describe('parseExecuteOptions', () => {
  it('answers exactly as the schema does, fast path or not (property)', () => {
    fc.assert(
      fc.property(options, (raw) => {
        const expected = schemaAnswer(raw);
        const fast = fastParseExecuteOptions(raw);
        if (expected.parsed === undefined) {
          expect(fast).toBeUndefined();
          expect(validationPaths(() => parseExecuteOptions(raw, 'options'))).toEqual(expected.paths);
          return;
        }
        const parsed = parseExecuteOptions(raw, 'options');
        for (const result of fast === undefined ? [parsed] : [parsed, fast]) {
          expect(result.actor).toStrictEqual(expected.parsed.actor);
          expect(result.idempotencyKey).toBe(expected.parsed.idempotencyKey);
          expect(Object.isFrozen(result.actor.roles)).toBe(true);
          if (result.actor.storeIds) expect(Object.isFrozen(result.actor.storeIds)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('takes the fast path for well-formed options, trimming ids and copying lists', () => {
    const roles = ['cashier'];
    const fast = fastParseExecuteOptions({
      actor: { id: ' cara ', roles, storeIds: ['berlin'], name: 'Cara' },
      idempotencyKey: 'till-1:0042',
    });
    expect(fast).toStrictEqual({
      actor: { id: 'cara', roles: ['cashier'], storeIds: ['berlin'] },
      idempotencyKey: 'till-1:0042',
    });
    expect(fast?.actor.roles).not.toBe(roles);
    expect(fastParseExecuteOptions({ actor: { id: 'cara', roles: [] } })).toStrictEqual({
      actor: { id: 'cara', roles: [] },
    });
  });

  it('leaves refusals to the schema, with its paths', () => {
    expect(
      validationPaths(() =>
        parseExecuteOptions({ actor: { id: 'cara', roles: [], storeIds: undefined } }, 'o'),
      ),
    ).toEqual(['actor.storeIds']);
    expect(
      validationPaths(() =>
        parseExecuteOptions({ actor: { id: 'cara', roles: [] }, idempotencykey: 'k' }, 'o'),
      ),
    ).toEqual(['']);
    expect(
      validationPaths(() =>
        parseExecuteOptions({ actor: { id: ' ', roles: [] }, idempotencyKey: 'a b' }, 'o'),
      ),
    ).toEqual(['actor.id', 'idempotencyKey']);
  });
});
