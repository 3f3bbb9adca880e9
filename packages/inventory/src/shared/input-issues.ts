import { ValidationError, type ValidationIssue } from '@retailkit/core';

/**
 * Collects problems found in a command's input while it runs (an unknown SKU, too many decimals
 * for the item's unit), so the caller learns about all of them in one ValidationError.
 */
export class InputIssues {
  readonly #issues: ValidationIssue[] = [];

  /** Records a problem with the field at `path` (e.g. `lines.2.sku`). */
  add(path: string, message: string): void {
    this.#issues.push({ path, message });
  }

  /** Throws a ValidationError holding every recorded problem, if there is one. */
  throwIfAny(context: string): void {
    if (this.#issues.length > 0) throw new ValidationError(this.#issues, { context });
  }
}
