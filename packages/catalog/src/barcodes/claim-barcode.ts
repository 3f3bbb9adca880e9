import { ConflictError } from '@retailkit/core';
import type { CatalogRepository } from '../catalog-repository.js';
import type { BarcodeRecord } from './barcode-record.js';
import type { ParsedBarcode } from './parse-barcode.js';

/**
 * Claims a barcode for a SKU through the repository's atomic claim. A barcode another SKU holds is
 * refused with a ConflictError that is not retried (`details.sku` names the holder, `details.field`
 * the input field), and the command rolls back.
 */
export async function claimBarcode(
  catalog: CatalogRepository,
  parsed: ParsedBarcode,
  sku: string,
  createdAt: string,
  field: string,
): Promise<BarcodeRecord> {
  const record: BarcodeRecord = { ...parsed, sku, createdAt };
  if (await catalog.claimBarcode(record)) return record;
  const holder = await catalog.findSkuByBarcode(parsed.key);
  throw new ConflictError(
    `barcode ${JSON.stringify(parsed.barcode)} is already assigned to SKU ${JSON.stringify(holder?.sku ?? '?')}`,
    {
      retryable: false,
      details: {
        entity: 'barcode',
        field,
        barcode: parsed.barcode,
        key: parsed.key,
        sku: holder?.sku ?? null,
      },
    },
  );
}
