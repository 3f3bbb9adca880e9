import { isRetailKitError } from '@retailkit/core';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../schema/database.js';
import { sqlValues } from '../sql/sql-values.js';
import { MYSQL_NAME_KEY_LENGTH } from './name-key-column.js';
import { SqlCatalogRepository } from './sql-catalog-repository.js';

const product = (nameKey: string) => ({
  id: 'p',
  name: 'n',
  nameKey,
  description: '',
  categoryId: null,
  taxClassId: 't',
  status: 'active' as const,
  version: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
});

describe('SqlCatalogRepository on MySQL', () => {
  // No statement runs: the name key is checked before the first one.
  const repository = new SqlCatalogRepository({
    db: undefined as unknown as Kysely<Database>,
    family: 'mysql',
    values: sqlValues('mysql'),
    table: () => {
      throw new Error('no statement runs');
    },
  });

  it('refuses a name key longer than its varchar column with a ValidationError on name', async () => {
    // ﷺ is one character whose NFKC form has 18: 40 of them make a 720-character key.
    const key = '\ufdfa'.repeat(40).normalize('NFKC').toLowerCase();
    expect(key.length).toBeGreaterThan(MYSQL_NAME_KEY_LENGTH);
    const error = await repository.putProduct(product(key), null).catch((caught: unknown) => caught);
    expect(isRetailKitError(error, 'VALIDATION_FAILED')).toBe(true);
    expect(error).toMatchObject({ issues: [{ path: 'name' }] });
  });
});
