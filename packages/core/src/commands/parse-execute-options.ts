import { z } from 'zod';
import { type Actor, actorSchema } from '../access/actor.js';
import { fastParseActor } from '../access/fast-parse-actor.js';
import { idempotencyKeySchema } from '../validation/common-schemas.js';
import { parseInput } from '../validation/parse-input.js';

/**
 * The options of `runner.execute` and `runner.run`. Strict: a misspelt `idempotencykey` must be
 * refused, not silently run without a key.
 */
export const executeOptionsSchema = z.strictObject({
  actor: actorSchema,
  idempotencyKey: idempotencyKeySchema.optional(),
});

/** Parsed command options; `idempotencyKey` is absent or undefined when the caller gave none. */
export interface ParsedExecuteOptions {
  /** Who runs the command. */
  readonly actor: Actor;
  /** The caller's idempotency key, if any. */
  readonly idempotencyKey?: string | undefined;
}

// `idempotencyKeySchema`'s rule.
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * Parses a command's options like `executeOptionsSchema`. Well-formed options, the usual case, are
 * checked without zod (see {@link fastParseActor}); anything else goes through the schema, so a
 * refusal and its issue paths are exactly the schema's.
 */
export function parseExecuteOptions(raw: unknown, context: string): ParsedExecuteOptions {
  return fastParseExecuteOptions(raw) ?? parseInput(executeOptionsSchema, raw, context);
}

/**
 * What {@link executeOptionsSchema} returns for well-formed options, without zod; undefined for
 * anything else, which the schema then parses (and refuses).
 */
export function fastParseExecuteOptions(raw: unknown): ParsedExecuteOptions | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  // The strict schema refuses any other key, inherited enumerable ones included (it uses for-in).
  for (const key in raw) if (key !== 'actor' && key !== 'idempotencyKey') return undefined;
  const fields = raw as Record<string, unknown>;
  const actor = fastParseActor(fields.actor);
  if (actor === undefined) return undefined;
  const idempotencyKey = fields.idempotencyKey;
  if (idempotencyKey === undefined) return { actor };
  if (typeof idempotencyKey !== 'string' || !IDEMPOTENCY_KEY.test(idempotencyKey)) return undefined;
  return { actor, idempotencyKey };
}
