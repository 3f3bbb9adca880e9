import { InputIssues } from './input-issues.js';

/**
 * Refuses lines that name a SKU an earlier line already named, for documents that keep one line
 * per SKU (purchase orders, transfers, receipts): a ValidationError names `<path>.<index>.sku` of
 * each repeat.
 */
export function refuseDuplicateSkus(
  lines: readonly { readonly sku: string }[],
  path: string,
  context: string,
): void {
  const issues = new InputIssues();
  const seen = new Map<string, number>();
  lines.forEach((line, index) => {
    const first = seen.get(line.sku);
    if (first === undefined) seen.set(line.sku, index);
    else issues.add(`${path}.${index}.sku`, `${line.sku} is already on line ${first}`);
  });
  issues.throwIfAny(context);
}
