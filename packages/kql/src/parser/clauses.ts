import * as msg from '../diagnostics/syntax-messages.js';
import type { Expr, Ident, NamedExpr, OperatorParam, SortKey } from '../syntax/ast.js';
import { span } from '../syntax/span.js';
import type { Cursor } from './cursor.js';
import { parseExpr, parseStrings } from './expressions.js';
import { boolWord, literal } from './literals.js';

/** `Name = expr`, `(a, b) = expr`, or a bare expression. */
export function parseNamedExpr(c: Cursor): NamedExpr {
  const start = c.tok.span.start;
  const names: Ident[] = [];
  if (c.isNameAt(0) && isAssign(c, c.nameWidthAt(0))) {
    names.push(c.tryName()!);
    c.next();
  } else if (c.isPunct('(')) {
    const width = tupleWidth(c);
    if (width > 0) {
      c.next();
      do names.push(c.expectName());
      while (c.eatPunct(','));
      c.expectPunct(')');
      c.expectPunct('=');
    }
  }
  const expr = parseExpr(c);
  return { span: span(start, Math.max(start, expr.span.end, c.prevEnd())), names, expr };
}

/** `=` (not `==`) `k` tokens ahead. */
function isAssign(c: Cursor, k: number): boolean {
  return c.isPunct('=', c.peek(k));
}

/** Tokens in `(a, b, ...) =` starting at the cursor, or 0 when that is no tuple assignment. */
function tupleWidth(c: Cursor): number {
  let k = 1;
  for (;;) {
    if (!c.isNameAt(k)) return 0;
    k += c.nameWidthAt(k);
    if (c.isPunct(',', c.peek(k))) {
      k++;
      continue;
    }
    return c.isPunct(')', c.peek(k)) && isAssign(c, k + 1) ? k + 1 : 0;
  }
}

/** A comma-separated list of items, at least one. */
export function parseList<T>(c: Cursor, item: (c: Cursor) => T): T[] {
  const out: T[] = [];
  do out.push(item(c));
  while (c.eatPunct(','));
  return out;
}

/** Whether the cursor is where a pipeline element ends (`|`, `;`, `)`, end): an empty list is then reported. */
export function atClauseEnd(c: Cursor): boolean {
  return c.atEnd() || c.isPunct('|') || c.isPunct(';') || c.isPunct(')');
}

/** `expr [asc|desc] [nulls first|last]`. */
export function parseSortKey(c: Cursor): SortKey {
  const start = c.tok.span.start;
  const expr = parseExpr(c);
  let direction: SortKey['direction'];
  let nulls: SortKey['nulls'];
  if (c.eatKeyword('asc')) direction = 'asc';
  else if (c.eatKeyword('desc')) direction = 'desc';
  if (c.eatKeyword('nulls')) {
    if (c.eatKeyword('first')) nulls = 'first';
    else if (c.eatKeyword('last')) nulls = 'last';
    else c.report(msg.expectedKeyword('first', c.tok.span, c.tok.text));
  }
  const key: { span: SortKey['span']; expr: Expr; direction?: 'asc' | 'desc'; nulls?: 'first' | 'last' } = {
    span: span(start, Math.max(start, expr.span.end, c.prevEnd())),
    expr,
  };
  if (direction) key.direction = direction;
  if (nulls) key.nulls = nulls;
  return key;
}

/**
 * The parameter name at the cursor when it is one (`kind=`, `hint.strategy=`, `withsource=`),
 * as the number of tokens before the `=`, else 0. `accept` sees the lower-case dotted name.
 */
export function paramNameWidth(c: Cursor, accept: (name: string) => boolean): number {
  if (c.tok.kind !== 'Identifier') return 0;
  let k = 1;
  let name = c.tok.text;
  while (c.isPunct('.', c.peek(k)) && c.peek(k + 1).kind === 'Identifier') {
    name += '.' + c.peek(k + 1).text;
    k += 2;
  }
  if (!c.isPunct('=', c.peek(k))) return 0;
  const lower = name.toLowerCase();
  if (c.dialect === 'kusto' && lower !== name && !name.startsWith('hint.')) return 0;
  return accept(lower) ? k : 0;
}

/** Reads `name=value` parameters while `accept` recognises the name. */
export function parseParams(c: Cursor, accept: (name: string) => boolean): OperatorParam[] {
  const out: OperatorParam[] = [];
  for (;;) {
    const width = paramNameWidth(c, accept);
    if (width === 0) return out;
    out.push(parseParam(c, width));
  }
}

/** One `name=value` whose name spans `width` tokens. */
export function parseParam(c: Cursor, width: number): OperatorParam {
  const first = c.tok;
  let text = '';
  for (let k = 0; k < width; k++) text += c.next().text;
  const name: Ident = { name: text, span: span(first.span.start, c.prevEnd()) };
  c.next(); // '='
  const value = parseParamValue(c);
  return { span: span(first.span.start, Math.max(value.span.end, c.prevEnd())), name, value };
}

/**
 * A bare word (`leftouter`, `stacked`) is a string literal, even before `(`: in `join kind=inner (T)`
 * the parenthesis is the right side. `true`/`false` are bools; anything else is an expression.
 */
export function parseParamValue(c: Cursor): Expr {
  const t = c.tok;
  if (t.kind === 'Identifier') {
    c.next();
    const b = boolWord(c, t);
    return b !== undefined ? literal('bool', b, t.span.start, t.span.end) : literal('string', t.text, t.span.start, t.span.end);
  }
  if (t.kind === 'String') return parseStrings(c);
  return parseExpr(c);
}

/** The param names a `hint.` prefix accepts, shared by the operators that take hints. */
export function isHint(name: string): boolean {
  return name.startsWith('hint.');
}
