/**
 * CSV (RFC 4180): cells with a comma, quote or line break quoted, quotes doubled. A text
 * cell a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe:
 * names from a profile are data.
 */
export type Cell = string | number;

function cell(c: Cell): string {
  if (typeof c === 'number') return String(c);
  const text = /^[=+\-@\t\r]/.test(c) ? `'${c}` : c;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
