import * as msg from '../../diagnostics/syntax-messages.js';
import type { Operator, Tabular, Union } from '../../syntax/ast.js';
import { span } from '../../syntax/span.js';
import type { Token } from '../../syntax/token.js';
import { atClauseEnd, isHint, parseParams } from '../clauses.js';
import type { Cursor } from '../cursor.js';
import { parseArgs as parseArgsOf } from '../expressions.js';
import { parseTabular } from '../tabular.js';

const NAMES = new Set(['kind', 'withsource', 'isfuzzy']);

/** Parameter names `union` takes. */
export function UNION_PARAMS(name: string): boolean {
  return NAMES.has(name) || isHint(name);
}

/** `| union [params] T1, (T2 | where x), ...`. */
export function parseUnion(c: Cursor, kw: Token): Operator {
  const params = parseParams(c, UNION_PARAMS);
  const tables = parseUnionTables(c);
  const op: Union = { kind: 'Union', span: c.from(kw.span.start), keywordSpan: kw.span, params, tables };
  return op;
}

/** The comma-separated tables of a union: names (wildcards allowed: `T*`) or parenthesised queries. */
export function parseUnionTables(c: Cursor): Tabular[] {
  const tables: Tabular[] = [];
  if (atClauseEnd(c) && !c.isPunct('(')) {
    c.report(msg.expectedSource(c.tok.span, c.tok.text));
    return tables;
  }
  do tables.push(parseTableOperand(c));
  while (c.eatPunct(','));
  return tables;
}

/**
 * A table operand of `join` or `union`: `(query)` gives the inner query itself, while a bare name
 * (or entity call) is a pipeline with no operators, so a following `|` belongs to the outer query.
 */
export function parseTableOperand(c: Cursor): Tabular {
  const start = c.tok.span.start;
  if (c.isPunct('(')) {
    c.next();
    const inner = parseTabular(c, true);
    c.expectPunct(')');
    return inner;
  }
  const name = c.tryName();
  if (!name) {
    c.report(msg.expectedSource(c.tok.span, c.tok.text));
    const here = c.here();
    return { kind: 'Tabular', span: here, source: { kind: 'MissingSource', span: here }, operators: [] };
  }
  // `union Perf*`: a wildcard written right against the name.
  let ident = name;
  while (c.isPunct('*') && c.tok.span.start === c.prevEnd()) {
    c.next();
    ident = { name: ident.name + '*', span: span(ident.span.start, c.prevEnd()) };
  }
  if (c.isPunct('(') && ident === name) {
    const args = parseArgsOf(c);
    const s = span(start, c.prevEnd());
    return { kind: 'Tabular', span: s, source: { kind: 'TableRef', span: s, name, args }, operators: [] };
  }
  return { kind: 'Tabular', span: ident.span, source: { kind: 'TableRef', span: ident.span, name: ident }, operators: [] };
}
