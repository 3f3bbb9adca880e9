/**
 * A short description of what a test got instead, for failure messages. Written without
 * `node:util`, so the test kit also loads where Node's built-ins do not (a browser test runner).
 */
export function describeValue(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // Cycles, or a toJSON that throws.
    return String(value);
  }
}
