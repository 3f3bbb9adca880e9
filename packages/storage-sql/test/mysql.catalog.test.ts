import { createCatalog } from '@retailkit/catalog';
import { createCommandRunner, isRetailKitError } from '@retailkit/core';
import { anActor, runCatalogConformance } from '@retailkit/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlStorage } from '../src/index.js';
import { mysqlTarget as target } from './support/sql-targets.js';
import { targetRuns } from './support/target-suite.js';

if (targetRuns(target)) {
  const options = { name: target.name, create: () => target.create(), teardown: target.teardown };
  runCatalogConformance(options);

  describe(`${target.name}: name keys`, () => {
    const as = { actor: anActor({ id: 'sql-tests', roles: ['admin'] }) };
    let storage: SqlStorage;
    beforeAll(async () => {
      storage = await target.create();
    });
    afterAll(async () => {
      await target.teardown(storage);
    });

    it('keeps a 512-character name key and refuses a longer one with a ValidationError', async () => {
      const catalog = createCatalog({ runner: createCommandRunner({ storage }) });
      await catalog.createTaxClass({ id: 't', name: 'T', rate: '0' }, as);
      // ㍿ is one character whose NFKC form, 株式会社, has four.
      const longest = await catalog.createProduct(
        { id: 'long', name: '㍿'.repeat(128), taxClassId: 't' },
        as,
      );
      expect(longest.nameKey).toHaveLength(512);
      const found = await catalog.searchProducts({ namePrefix: '株式会社' }, as);
      expect(found.items).toEqual([longest]);
      const error = await catalog
        .createProduct({ id: 'longer', name: '㍿'.repeat(129), taxClassId: 't' }, as)
        .catch((caught: unknown) => caught);
      expect(isRetailKitError(error, 'VALIDATION_FAILED')).toBe(true);
    });
  });
}
