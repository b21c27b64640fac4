import * as msg from '../diagnostics/syntax-messages.js';
import type { DatatableColumn, Expr, Source } from '../syntax/ast.js';
import { TYPE_NAMES, type ScalarType } from '../types/scalar-type.js';
import { atClauseEnd, parseList, parseNamedExpr, parseParams } from './clauses.js';
import type { Token } from '../syntax/token.js';
import type { Cursor } from './cursor.js';
import { expectedExpr, parseArgs, parseDatatableValue, parseExpr } from './expressions.js';
import { parseUnionTables, UNION_PARAMS } from './operators/union.js';
import { parseTabular } from './tabular.js';

/** The first element of a pipeline: a table or entity, `datatable`, `print`, `range`, `union`, or `(query)`. */
export function parseSource(c: Cursor): Source {
  const t = c.tok;
  const start = t.span.start;
  if (c.isPunct('(')) {
    c.next();
    const query = parseTabular(c, true);
    c.expectPunct(')');
    return { kind: 'SubQuery', span: c.from(start), query };
  }
  if (t.kind === 'Identifier') {
    if (c.isKeyword('datatable') && c.isPunct('(', c.peek())) return parseDatatable(c);
    if (c.isKeyword('print')) return parsePrint(c);
    if (c.isKeyword('range') && c.isNameAt(1) && c.isKeyword('from', c.peek(1 + c.nameWidthAt(1)))) return parseRange(c);
    if (c.isKeyword('union')) {
      c.next();
      const params = parseParams(c, UNION_PARAMS);
      const tables = parseUnionTables(c);
      return { kind: 'UnionSource', span: c.from(start), params, tables };
    }
  }
  if (t.kind === 'Identifier' && UNSUPPORTED_SOURCES.has(t.text.toLowerCase()) && !atSourceEnd(c, c.peek())) {
    c.next();
    c.report(msg.unsupportedOperator(t.text.toLowerCase(), t.span));
    c.skipToPipe(true);
    return { kind: 'MissingSource', span: c.from(start) };
  }
  const name = c.tryName();
  if (!name) {
    c.report(msg.expectedSource(t.span, t.text));
    return { kind: 'MissingSource', span: c.here() };
  }
  if (!c.isPunct('(')) return { kind: 'TableRef', span: name.span, name };
  const args = parseArgs(c);
  return { kind: 'TableRef', span: c.from(start), name, args };
}

/**
 * Kusto query starts openpivot does not run. Followed by `|`, `;`, `)` or the end, the word is an
 * ordinary table name instead (an entity may be called Search).
 */
const UNSUPPORTED_SOURCES: ReadonlySet<string> = new Set(['evaluate', 'externaldata', 'external_data', 'find', 'search']);

function atSourceEnd(c: Cursor, t: Token): boolean {
  return t.kind === 'End' || c.isPunct('|', t) || c.isPunct(';', t) || c.isPunct(')', t);
}

/** `datatable(a:long, b:string)[1, "x", 2, "y"]`. */
function parseDatatable(c: Cursor): Source {
  const start = c.next().span.start;
  c.next(); // (
  const columns: DatatableColumn[] = [];
  if (!c.isPunct(')')) {
    do {
      const name = c.expectName();
      c.expectPunct(':');
      const typed = parseTypeName(c);
      columns.push({ name, type: typed.type, typeSpan: typed.span });
    } while (c.eatPunct(','));
  }
  c.expectPunct(')');
  const values: Expr[] = [];
  if (c.expectPunct('[')) {
    if (!c.isPunct(']')) values.push(...parseList(c, parseDatatableValue));
    c.expectPunct(']');
  }
  return { kind: 'Datatable', span: c.from(start), columns, values };
}

/** A type name such as `long`, `string`, `double` (alias of real); unknown names report and read as string. */
export function parseTypeName(c: Cursor): { type: ScalarType; span: { start: number; end: number } } {
  const t = c.tok;
  if (t.kind !== 'Identifier') {
    c.report(msg.unknownType(t.text, t.span));
    return { type: 'string', span: c.here() };
  }
  c.next();
  const key = c.dialect === 'cmpivot' ? t.text.toLowerCase() : t.text;
  const type = Object.hasOwn(TYPE_NAMES, key) ? TYPE_NAMES[key] : undefined;
  if (type === undefined) c.report(msg.unknownType(t.text, t.span));
  return { type: type ?? 'string', span: t.span };
}

/** `print x=1, 2`. */
function parsePrint(c: Cursor): Source {
  const start = c.next().span.start;
  if (atClauseEnd(c)) {
    expectedExpr(c);
    return { kind: 'Print', span: c.from(start), items: [] };
  }
  const items = parseList(c, parseNamedExpr);
  return { kind: 'Print', span: c.from(start), items };
}

/** `range x from 1 to 10 step 2`. */
function parseRange(c: Cursor): Source {
  const start = c.next().span.start;
  const column = c.expectName();
  c.next(); // from (checked by the caller)
  const from = parseExpr(c);
  const to = keywordThenExpr(c, 'to');
  const step = keywordThenExpr(c, 'step');
  return { kind: 'Range', span: c.from(start), column, from, to, step };
}

function keywordThenExpr(c: Cursor, word: string): Expr {
  if (c.eatKeyword(word)) return parseExpr(c);
  c.report(msg.expectedKeyword(word, c.tok.span, c.tok.text));
  return { kind: 'Missing', span: c.here() };
}
