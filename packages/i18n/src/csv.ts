// Tables as CSV (RFC 4180): fields separated by commas, records by CRLF, a field holding a comma,
// a quote or a line break quoted with its quotes doubled. A text cell beginning with = + - @ (or a
// tab or carriage return) gets a leading apostrophe, so a spreadsheet shows it as text instead of
// running it as a formula (a customer's name or a journey's name is anyone's input). Numbers are
// written plainly, in full (no locale, no grouping): a spreadsheet reads them as numbers. Shared by
// the web app's table downloads and the server's streamed exports (one spelling of a CSV).
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record with its CRLF: a streamed export writes its rows one at a time. */
export const csvRecord = (row: CsvCell[]): string => `${row.map(csvCell).join(',')}\r\n`;

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows].map(csvRecord).join('');
}
