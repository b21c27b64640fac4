import * as msg from '../../diagnostics/syntax-messages.js';
import type { Expr, MvExpand, MvExpandItem, Operator } from '../../syntax/ast.js';
import { span } from '../../syntax/span.js';
import type { Token } from '../../syntax/token.js';
import type { ScalarType } from '../../types/scalar-type.js';
import { atClauseEnd, parseList, parseNamedExpr, parseParams } from '../clauses.js';
import type { Cursor } from '../cursor.js';
import { expectedExpr, parseExpr } from '../expressions.js';
import { parseTypeName } from '../sources.js';

const PARAMS = new Set(['bagexpansion', 'with_itemindex', 'kind']);

/** `| mv-expand [bagexpansion=array] x [, y = expr to typeof(long)] [limit N]` (also `mvexpand`). */
export function parseMvExpand(c: Cursor, kw: Token): Operator {
  const params = parseParams(c, (n) => PARAMS.has(n));
  const items = atClauseEnd(c) ? [missingItem(c)] : parseList(c, parseItem);
  let limit: Expr | undefined;
  if (c.eatKeyword('limit')) limit = atClauseEnd(c) ? expectedExpr(c) : parseExpr(c);
  const base = { kind: 'MvExpand' as const, span: c.from(kw.span.start), keywordSpan: kw.span, params, items };
  const op: MvExpand = limit ? { ...base, limit } : base;
  return op;
}

function missingItem(c: Cursor): MvExpandItem {
  const expr = expectedExpr(c);
  return { span: expr.span, expr };
}

function parseItem(c: Cursor): MvExpandItem {
  const named = parseNamedExpr(c);
  let toType: ScalarType | undefined;
  if (c.eatKeyword('to')) {
    if (c.eatKeyword('typeof') && c.expectPunct('(')) {
      toType = parseTypeName(c).type;
      c.expectPunct(')');
    } else {
      c.report(msg.expectedKeyword('typeof', c.tok.span, c.tok.text));
    }
  }
  const s = span(named.span.start, Math.max(named.span.end, c.prevEnd()));
  const name = named.names[0];
  return {
    span: s,
    expr: named.expr,
    ...(name ? { name } : {}),
    ...(toType ? { toType } : {}),
  };
}
