/** One row of a printed table: column name to value (missing values print empty). */
export type TableRow = Readonly<Record<string, unknown>>;

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

// Figures read best right-aligned, so their decimal points line up.
const NUMERIC = /^[-+]?[€$£]?\d[\d,]*(\.\d+)?%?$/;

/**
 * Lays rows out as a plain-text table with aligned columns: the union of the rows' keys in
 * first-seen order, numbers right-aligned, text left-aligned. An empty list prints `(none)`.
 */
export function formatTable(rows: readonly TableRow[]): string {
  if (rows.length === 0) return '  (none)';
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cells = rows.map((row) => columns.map((column) => cell(row[column])));
  const numeric = columns.map((_, index) =>
    cells.every((values) => values[index] === '' || NUMERIC.test(values[index] ?? '')),
  );
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...cells.map((values) => (values[index] ?? '').length)),
  );
  const line = (values: readonly string[]) =>
    `  ${values
      .map((value, index) =>
        numeric[index] ? value.padStart(widths[index] ?? 0) : value.padEnd(widths[index] ?? 0),
      )
      .join('  ')
      .trimEnd()}`;
  return [line(columns), line(widths.map((width) => '─'.repeat(width))), ...cells.map(line)].join('\n');
}
