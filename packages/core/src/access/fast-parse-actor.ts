import type { Actor } from './actor.js';

/**
 * What `actorSchema` returns for `raw`, computed without zod, or undefined when `raw` is anything
 * but a well-formed actor; callers then parse with the schema, which reports the issues. Runs on
 * every command, where zod's object, array, refine and transform steps cost more than the rest of
 * the runner. Accepts exactly what the schema accepts and builds the same output: trimmed ids,
 * frozen role and store lists, unknown fields dropped. It reads each field once and validates the
 * values it read, so an object that changes under it cannot slip through.
 */
export function fastParseActor(raw: unknown): Actor | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const fields = raw as Record<string, unknown>;
  const id = fastParseId(fields.id);
  if (id === undefined) return undefined;
  const roles = fastParseIds(fields.roles);
  if (roles === undefined) return undefined;
  const rawStoreIds = fields.storeIds;
  if (rawStoreIds === undefined) {
    // An explicit `storeIds: undefined` is refused by the schema (scoping fails closed).
    return 'storeIds' in fields ? undefined : { id, roles };
  }
  const storeIds = fastParseIds(rawStoreIds);
  return storeIds === undefined ? undefined : { id, roles, storeIds };
}

/** `idSchema`: a string, trimmed, 1..200 characters. */
function fastParseId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length >= 1 && trimmed.length <= 200 ? trimmed : undefined;
}

/** `z.array(idSchema).readonly()`: a fresh, frozen array of ids. */
function fastParseIds(value: unknown): readonly string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const length = value.length;
  const ids: string[] = new Array(length);
  for (let i = 0; i < length; i++) {
    const id = fastParseId(value[i]);
    if (id === undefined) return undefined;
    ids[i] = id;
  }
  return Object.freeze(ids);
}
