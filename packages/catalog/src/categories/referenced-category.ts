import type { CatalogRepository } from '../catalog-repository.js';
import { referenced } from '../validation/referenced.js';
import type { CategoryRecord } from './category-record.js';

/**
 * The category an input field names, or null when it names none; a ValidationError on `field`
 * when the category does not exist.
 */
export async function referencedCategory(
  catalog: CatalogRepository,
  command: string,
  field: string,
  categoryId: string | null | undefined,
): Promise<CategoryRecord | null> {
  if (categoryId === undefined || categoryId === null) return null;
  return referenced(command, field, 'category', categoryId, await catalog.getCategory(categoryId));
}
