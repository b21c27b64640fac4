import { encodeValue, valueToString, type QueryResult, type JsonValue } from '@openpivot/kql';

/** `--format json`: exactly one JSON object, `{ columns, rows }` plus `chart` when the query renders. */
export function formatJson(r: QueryResult): string {
  const out: { columns: { name: string; type: string }[]; rows: JsonValue[][]; chart?: Record<string, unknown>; truncated?: true } = {
    columns: r.columns.map((c) => ({ name: c.name, type: c.type })),
    rows: r.rows.map((row) => row.map((v, j) => encodeValue(v, r.columns[j]!.type))),
  };
  if (r.chart) out.chart = { type: r.chart.type, ...r.chart.props };
  if (r.truncated) out.truncated = true;
  return `${JSON.stringify(out)}\n`;
}

function cellText(r: QueryResult, row: number, col: number): string {
  const v = r.rows[row]![col]!;
  return v === null ? '' : valueToString(v, r.columns[col]!.type);
}

/** `--format csv`: a header row, then RFC 4180 quoting where a field needs it. */
export function formatCsv(r: QueryResult): string {
  const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [r.columns.map((c) => quote(c.name)).join(',')];
  for (let i = 0; i < r.rows.length; i++) lines.push(r.columns.map((_, j) => quote(cellText(r, i, j))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The default: an aligned table for a person, with the row count (and a note when cut or charted). */
export function formatTable(r: QueryResult): string {
  const header = r.columns.map((c) => c.name);
  const cells = r.rows.map((_, i) => r.columns.map((_, j) => cellText(r, i, j).replace(/\r?\n/g, '⏎')));
  const widths = header.map((h, j) => Math.min(60, Math.max(h.length, ...cells.map((row) => row[j]!.length))));
  const clip = (s: string, w: number): string => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const line = (row: string[]): string => row.map((s, j) => clip(s, widths[j]!)).join('  ').trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
  out.push(`(${r.rows.length} row${r.rows.length === 1 ? '' : 's'}${r.truncated ? ', truncated' : ''})`);
  if (r.chart) out.push(`chart: ${r.chart.type}${Object.keys(r.chart.props).length ? ` ${JSON.stringify(r.chart.props)}` : ''}`);
  return `${out.join('\n')}\n`;
}
