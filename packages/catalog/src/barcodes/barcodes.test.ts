import { isRetailKitError } from '@retailkit/core';
import { rejection, validationPaths } from '@retailkit/testkit';
import { describe, expect, it } from 'vitest';
import { catalogFixture, seedCatalog } from '../../test/support/catalog-fixture.js';

async function seeded() {
  const f = catalogFixture();
  await seedCatalog(f.catalog, f.manager);
  await f.catalog.createSku({ code: 'TEE-L', productId: 'tee', options: { size: 'L' } }, f.as);
  return f;
}

describe('barcodes', () => {
  it('adds a barcode and finds the SKU by any GTIN length of it', async () => {
    const f = await seeded();
    const added = await f.catalog.addBarcode({ sku: 'TEE-M', barcode: '036000291452' }, f.as);
    expect(added).toEqual({
      key: '00036000291452',
      barcode: '036000291452',
      symbology: 'upc-a',
      sku: 'TEE-M',
      createdAt: '2025-03-01T12:00:00.000Z',
    });
    for (const scanned of ['036000291452', '0036000291452', ' 00036000291452 ']) {
      const match = await f.catalog.findByBarcode({ barcode: scanned }, f.as);
      expect(match?.sku.code).toBe('TEE-M');
      expect(match?.product.id).toBe('tee');
    }
    expect(await f.catalog.findByBarcode({ barcode: '4006381333931' }, f.as)).toBeNull();
    const events = await f.events('sku:TEE-M');
    expect(events.at(-1)).toMatchObject({ type: 'catalog.barcode-added', payload: { barcode: added } });
  });

  it('refuses a barcode another SKU holds, in any of its lengths, and changes nothing', async () => {
    const f = await seeded();
    await f.catalog.addBarcode({ sku: 'TEE-M', barcode: '036000291452' }, f.as);
    const before = await f.snapshot();
    const error = await rejection(f.catalog.addBarcode({ sku: 'TEE-L', barcode: '0036000291452' }, f.as));
    expect(isRetailKitError(error, 'CONFLICT')).toBe(true);
    expect(error).toMatchObject({ retryable: false, details: { field: 'barcode', sku: 'TEE-M' } });
    expect(await f.snapshot()).toEqual(before);
  });

  it('does not create a SKU whose barcodes are taken, not even partly', async () => {
    const f = await seeded();
    await f.catalog.addBarcode({ sku: 'TEE-M', barcode: 'INT-1', symbology: 'other' }, f.as);
    const before = await f.snapshot();
    const error = await rejection(
      f.catalog.createSku(
        {
          code: 'TEE-S',
          productId: 'tee',
          barcodes: [{ barcode: '4006381333931' }, { barcode: 'INT-1', symbology: 'other' }],
        },
        f.as,
      ),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', details: { field: 'barcodes.1.barcode', sku: 'TEE-M' } });
    expect(await f.snapshot()).toEqual(before);
    expect(await f.catalog.findByBarcode({ barcode: '4006381333931' }, f.as)).toBeNull();
  });

  it('gives exactly one of several concurrent claims of one barcode', async () => {
    const f = await seeded();
    const skus = ['A', 'B', 'C', 'D', 'E'];
    for (const code of skus) await f.catalog.createSku({ code, productId: 'tee', name: code }, f.as);
    const results = await Promise.allSettled(
      skus.map((sku) => f.catalog.addBarcode({ sku, barcode: '4006381333931' }, f.as)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect(isRetailKitError(r.reason, 'CONFLICT')).toBe(true);
    }
  });

  it('treats adding a barcode the SKU already holds as done', async () => {
    const f = await seeded();
    const first = await f.catalog.addBarcode({ sku: 'TEE-M', barcode: '4006381333931' }, f.as);
    expect(
      await f.catalog.addBarcode({ sku: 'TEE-M', barcode: '04006381333931', symbology: 'gtin-14' }, f.as),
    ).toEqual(first);
    expect((await f.events('sku:TEE-M')).filter((e) => e.type === 'catalog.barcode-added')).toHaveLength(1);
  });

  it('removes a barcode, freeing it for another SKU; only the holder may remove it', async () => {
    const f = await seeded();
    await f.catalog.addBarcode({ sku: 'TEE-M', barcode: '4006381333931' }, f.as);
    await expect(
      f.catalog.removeBarcode({ sku: 'TEE-L', barcode: '4006381333931' }, f.as),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const removed = await f.catalog.removeBarcode({ sku: 'TEE-M', barcode: '04006381333931' }, f.as);
    expect(removed.barcode).toBe('4006381333931');
    expect((await f.events('sku:TEE-M')).at(-1)).toMatchObject({ type: 'catalog.barcode-removed' });
    await f.catalog.addBarcode({ sku: 'TEE-L', barcode: '4006381333931' }, f.as);
    expect((await f.catalog.findByBarcode({ barcode: '4006381333931' }, f.as))?.sku.code).toBe('TEE-L');
  });

  it('refuses malformed barcodes on the barcode field, and unknown SKUs', async () => {
    const f = await seeded();
    for (const input of [
      { sku: 'TEE-M', barcode: '4006381333932' },
      { sku: 'TEE-M', barcode: 'ABC' },
      { sku: 'TEE-M', barcode: ' ', symbology: 'other' as const },
    ]) {
      expect(validationPaths(await rejection(f.catalog.addBarcode(input, f.as)))).toEqual(['barcode']);
    }
    expect(
      validationPaths(
        await rejection(f.catalog.addBarcode({ sku: 'TEE-M', barcode: '1', symbology: 'qr' } as never, f.as)),
      ),
    ).toContain('symbology');
    await expect(f.catalog.addBarcode({ sku: 'NOPE', barcode: '4006381333931' }, f.as)).rejects.toMatchObject(
      {
        code: 'NOT_FOUND',
      },
    );
  });
});
