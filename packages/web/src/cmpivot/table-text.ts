/** A result as text: a cell's text, the whole table as CSV (export) or tab-separated (clipboard). */
export interface Column { readonly name: string; readonly type: string }
export type Row = Readonly<Record<string, unknown>>;

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** RFC 4180 CSV of the rows, columns in order. */
export function toCsv(columns: readonly Column[], rows: readonly Row[]): string {
  const esc = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [columns.map((c) => esc(c.name)).join(','), ...rows.map((r) => columns.map((c) => esc(cellText(r[c.name]))).join(','))].join('\r\n') + '\r\n';
}

/** Tab-separated rows for pasting into a spreadsheet: tabs and line breaks inside a value become spaces. */
export function toTsv(columns: readonly Column[], rows: readonly Row[]): string {
  const clean = (s: string): string => s.replace(/[\t\r\n]+/g, ' ');
  return [columns.map((c) => clean(c.name)).join('\t'), ...rows.map((r) => columns.map((c) => clean(cellText(r[c.name]))).join('\t'))].join('\r\n') + '\r\n';
}

/**
 * Column widths in pixels from the text they hold (the header and the first rows: enough to size a
 * 100,000-row result without reading it all), between a readable minimum and a maximum past which the
 * cell is cut with an ellipsis and its title shows the rest.
 */
export function columnWidths(columns: readonly Column[], rows: readonly Row[], o = { sample: 500, charPx: 8, padPx: 20, minPx: 72, maxPx: 480 }): number[] {
  return columns.map((c) => {
    let chars = c.name.length + 2;
    for (let i = 0; i < Math.min(rows.length, o.sample); i++) chars = Math.max(chars, cellText(rows[i]![c.name]).length);
    return Math.max(o.minPx, Math.min(o.maxPx, chars * o.charPx + o.padPx));
  });
}
