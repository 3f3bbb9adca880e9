import type { CatalogRepository } from '../catalog-repository.js';
import type { CategoryRecord } from '../categories/category-record.js';
import { invalidField } from '../validation/invalid-field.js';

/** The category a product refers to, or a ValidationError on `categoryId` when it does not exist. */
export async function referencedCategory(
  catalog: CatalogRepository,
  command: string,
  categoryId: string | null,
): Promise<CategoryRecord | null> {
  if (categoryId === null) return null;
  const category = await catalog.getCategory(categoryId);
  if (!category) throw invalidField(command, 'categoryId', `no category ${JSON.stringify(categoryId)}`);
  return category;
}

/** Refuses a tax class that does not exist, with a ValidationError on `taxClassId`. */
export async function checkTaxClassExists(
  catalog: CatalogRepository,
  command: string,
  taxClassId: string,
): Promise<void> {
  if (!(await catalog.getTaxClass(taxClassId))) {
    throw invalidField(command, 'taxClassId', `no tax class ${JSON.stringify(taxClassId)}`);
  }
}
