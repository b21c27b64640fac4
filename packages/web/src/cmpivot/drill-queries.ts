import { findEntity } from '@openpivot/entities';

/**
 * The queries CMPivot writes for you (fact sheet §5.1): "Show devices with / without" a cell's value,
 * and the `cmpivot:` query link. Kept apart from the components so they are tested as plain functions.
 */

/** A value as a Kusto literal of its column's type; strings in `@'…'` when a backslash or quote would need escaping. */
export function kqlLiteral(value: unknown, type: string): string {
  // Strings are never null in Kusto (empty instead); other types have a typed null.
  if (value === null || value === undefined) return type === 'string' ? "''" : `${type}(null)`;
  switch (type) {
    case 'long': case 'int': case 'real': case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : `${type === 'real' || type === 'decimal' ? 'real' : 'long'}(${JSON.stringify(String(value))})`;
    case 'bool':
      return value === true || value === 'true' ? 'true' : 'false';
    case 'datetime':
      return `datetime(${String(value)})`;
    case 'timespan':
      return `totimespan(${stringLiteral(String(value))})`;
    case 'guid':
      return `guid(${String(value)})`;
    default:
      return stringLiteral(typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
}

function stringLiteral(s: string): string {
  if (!/['\\\r\n]/.test(s)) return `'${s}'`;
  // A verbatim string keeps backslashes (Windows paths) as typed; a quote inside doubles.
  if (!/[\r\n]/.test(s)) return `@'${s.replace(/'/g, "''")}'`;
  return JSON.stringify(s);
}

/** The entity a query starts from, with its arguments as written (`File('/etc/hosts')`), if it is one. */
export function leadingSource(query: string): { readonly entity: string; readonly text: string; readonly columns: readonly string[] } | null {
  const m = /^\s*([A-Za-z_]\w*)/.exec(query);
  const entity = m ? findEntity(m[1]!) : undefined;
  if (!m || !entity) return null;
  let end = m[0].length;
  const rest = query.slice(end);
  const open = /^\s*\(/.exec(rest);
  if (open) {
    // Arguments run to the matching parenthesis; quotes may hold parentheses.
    let depth = 0;
    let quote: string | null = null;
    for (let i = end + open[0].length - 1; i < query.length; i++) {
      const c = query[i]!;
      if (quote) { if (c === quote) quote = null; continue; }
      if (c === '"' || c === "'") quote = c;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) { end = i + 1; break; }
    }
    if (depth !== 0) return null;
  }
  return { entity: entity.name, text: entity.name + query.slice(m[0].length, end), columns: entity.columns.map((c) => c.name) };
}

export interface ShowDevicesRequest {
  /** The query whose result the cell is in. */
  readonly query: string;
  readonly column: string;
  readonly type: string;
  readonly value: unknown;
  /** "Show devices without" this value rather than with. */
  readonly without: boolean;
}

/**
 * CMPivot's drill-down from a cell: `X | summarize countif( (Col == v) ) by Device | where (countif_ > 0)`,
 * or `… where (countif_ == 0) | project Device` for devices without the value. X is the entity the query
 * starts from; the cell's column must be one of its columns (a computed column has no meaning there): null.
 */
export function showDevicesQuery(r: ShowDevicesRequest): string | null {
  const source = leadingSource(r.query);
  const column = source?.columns.find((c) => c.toLowerCase() === r.column.toLowerCase());
  if (!source || !column || column === 'Device') return null;
  const test = r.value === null || r.value === undefined ? `isnull(${column})` : `${column} == ${kqlLiteral(r.value, r.type)}`;
  const head = `${source.text} | summarize countif( (${test}) ) by Device`;
  return r.without ? `${head} | where (countif_ == 0) | project Device` : `${head} | where (countif_ > 0)`;
}

/** A column name as Kusto reads it: bare when it is a plain identifier, else `['…']`. */
export function columnRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

/**
 * CMPivot's "Group by" on a column header: the query again, counted by that column. A trailing `render`
 * is dropped (it must stay last, and the count is a table).
 */
export function groupByQuery(query: string, column: string): string {
  const base = query.trim().replace(/\|\s*render\b[^|]*$/i, '').trimEnd();
  return `${base} | summarize count() by ${columnRef(column)}`;
}

const LINK_SCHEME = 'cmpivot:';

/** CMPivot's "Query link to clipboard": `cmpivot:` and the base64 of the UTF-8 query, its line breaks CRLF. */
export function queryLink(query: string): string {
  const bytes = new TextEncoder().encode(query.replace(/\r?\n/g, '\r\n'));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return LINK_SCHEME + btoa(binary);
}

/** The query a `cmpivot:` link holds, or why it holds none. */
export function parseQueryLink(link: string): { readonly ok: true; readonly query: string } | { readonly ok: false; readonly message: string } {
  const text = link.trim();
  if (text.slice(0, LINK_SCHEME.length).toLowerCase() !== LINK_SCHEME) return { ok: false, message: 'A query link starts with "cmpivot:".' };
  const payload = text.slice(LINK_SCHEME.length).replace(/\s+/g, '');
  const bad = /[^A-Za-z0-9+/=_-]/.exec(payload);
  if (bad) return { ok: false, message: `The query link has "${bad[0]}" at character ${LINK_SCHEME.length + bad.index + 1}, which base64 does not use.` };
  let binary: string;
  try {
    binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return { ok: false, message: 'The query link is not complete base64.' };
  }
  try {
    const query = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    if (query.trim() === '') return { ok: false, message: 'The query link holds no query.' };
    return { ok: true, query: query.replace(/\r\n/g, '\n') };
  } catch {
    return { ok: false, message: 'The query link is not UTF-8 text.' };
  }
}
