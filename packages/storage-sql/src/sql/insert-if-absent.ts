import type { InsertObject } from 'kysely';
import type { Database } from '../schema/database.js';
import { isMysqlDuplicateKey } from './driver-errors.js';
import type { SqlContext } from './sql-context.js';

/**
 * Inserts a row unless one with the same key exists (committed, or committed by a concurrent
 * transaction this one waited for), without failing the transaction: `ON CONFLICT DO NOTHING` in
 * PostgreSQL and SQLite, a caught duplicate-key error in MySQL (which rolls back only the
 * statement). Returns whether the row was inserted.
 */
export async function insertIfAbsent<T extends keyof Database & string>(
  context: SqlContext,
  table: T,
  row: InsertObject<Database, T>,
): Promise<boolean> {
  const { db, family } = context;
  if (family === 'mysql') {
    try {
      await db.insertInto(table).values(row).execute();
      return true;
    } catch (error) {
      if (isMysqlDuplicateKey(error)) return false;
      throw error;
    }
  }
  const result = await db
    .insertInto(table)
    .values(row)
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
