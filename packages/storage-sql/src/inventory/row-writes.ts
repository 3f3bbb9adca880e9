import { ConflictError, NotFoundError } from '@retailkit/core';
import { type InsertObject, type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../schema/database.js';
import { insertIfAbsent } from '../sql/insert-if-absent.js';
import type { SqlContext } from '../sql/sql-context.js';
import { readInteger } from '../sql/sql-values.js';
import type { InventoryTables } from './inventory-tables.js';

/** Any table seen column by column, for the helpers below that work on any inventory table. */
type AnyTables = { [table: string]: Record<string, unknown> };

/** The tables of versioned documents: each has `id` (unique) and `version`. */
export type VersionedTable =
  | 'reservations'
  | 'purchase_orders'
  | 'transfers'
  | 'stock_counts'
  | 'replenishment_suggestions'
  | 'orders';

function anyTables(context: SqlContext): Kysely<AnyTables> {
  return context.db as unknown as Kysely<AnyTables>;
}

/**
 * `excluded.column` (PostgreSQL, SQLite) or `values(column)` (MySQL): the value an upsert tried
 * to insert. Written as raw SQL: a reference to `excluded` would get the table prefix.
 */
export function proposed<T = unknown>(context: SqlContext, column: string): RawBuilder<T> {
  return context.family === 'mysql'
    ? sql<T>`values(${sql.ref(column)})`
    : sql<T>`excluded.${sql.ref(column)}`;
}

/**
 * Inserts `row`, or replaces every column but the key columns of the row with the same key, in one
 * statement (`ON CONFLICT … DO UPDATE`, MySQL `ON DUPLICATE KEY UPDATE`).
 */
export async function upsertRow<T extends keyof InventoryTables>(
  context: SqlContext,
  table: T,
  row: InsertObject<Database, T>,
  keys: readonly string[],
): Promise<void> {
  const insert = anyTables(context)
    .insertInto(table as string)
    .values(row as Record<string, unknown>);
  const updates: Record<string, RawBuilder<unknown>> = {};
  for (const column of Object.keys(row)) {
    if (!keys.includes(column)) updates[column] = proposed(context, column);
  }
  if (context.family === 'mysql') {
    await insert.onDuplicateKeyUpdate(updates).execute();
    return;
  }
  await insert.onConflict((conflict) => conflict.columns(keys).doUpdateSet(updates)).execute();
}

/**
 * Inserts a new document, or throws a ConflictError that is not retryable when its id (or key)
 * exists: running the command again would hit the same row.
 */
export async function insertNewRow<T extends keyof Database & string>(
  context: SqlContext,
  table: T,
  entity: string,
  id: string,
  row: InsertObject<Database, T>,
): Promise<void> {
  if (await insertIfAbsent(context, table, row)) return;
  throw new ConflictError(`${entity} ${JSON.stringify(id)} already exists`, {
    retryable: false,
    details: { entity, id },
  });
}

/**
 * Replaces the document `id` with `row` stored at version `expectedVersion + 1`, in one guarded
 * UPDATE that succeeds only when the stored version is `expectedVersion`. When it matches no row,
 * reads the stored version to tell why: NotFoundError when there is no such document, otherwise a
 * retryable ConflictError (another transaction committed an update first).
 */
export async function updateVersionedRow<T extends VersionedTable>(
  context: SqlContext,
  table: T,
  entity: string,
  id: string,
  row: InsertObject<Database, T>,
  expectedVersion: number,
): Promise<void> {
  const db = anyTables(context);
  const set: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) if (column !== 'id') set[column] = value;
  set.version = expectedVersion + 1;
  const result = await db
    .updateTable(table as string)
    .set(set)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) return;
  const stored = await db
    .selectFrom(table as string)
    .select('version')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!stored) throw new NotFoundError(entity, id);
  const actualVersion = readInteger(stored.version);
  throw new ConflictError(
    `${entity} ${JSON.stringify(id)} is at version ${actualVersion}, not ${expectedVersion}`,
    {
      retryable: true,
      details: { entity, id, expectedVersion, actualVersion },
    },
  );
}
