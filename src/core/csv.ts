// The one CSV writer (RFC 4180: CRLF rows, fields with a comma, quote or line break quoted, quotes doubled). Text
// cells that a spreadsheet would run as a formula (a leading =, +, -, @, tab or CR) get a leading apostrophe. Pure.

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA = /^[=+\-@\t\r]/;

/** A text cell as a spreadsheet will show it, never run it. */
export function neutralise(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = neutralise(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A text cell for tab-separated terminal output: one line, and neutralised like a CSV cell. */
export function tsvCell(text: string): string {
  return neutralise(text).replace(/[\t\r\n]+/g, ' ');
}
