import type { PGlite } from '@electric-sql/pglite';
import { createPGliteStorage } from '@retailkit/storage-sql';
import { afterAll } from 'vitest';
import { type KitStorage, orderConcurrencySuite, schemaName } from './order-concurrency-suite.js';

// A file of its own: starting PGlite takes most of the ~20 s a file may take. One instance serves
// the file; each test gets a schema of its own.
let pglite: Promise<PGlite> | undefined;

afterAll(async () => {
  if (pglite) await (await pglite).close();
});

orderConcurrencySuite([
  {
    name: 'sql:pglite',
    async create() {
      pglite ??= import('@electric-sql/pglite').then(({ PGlite }) => PGlite.create());
      const storage = createPGliteStorage({
        pglite: await pglite,
        schema: schemaName(),
      }) as unknown as KitStorage;
      return { storage, teardown: () => storage.close() };
    },
  },
]);
