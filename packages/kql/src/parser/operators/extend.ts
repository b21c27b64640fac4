import type { Extend, NamedExpr, Operator } from '../../syntax/ast.js';
import type { Token } from '../../syntax/token.js';
import { atClauseEnd, parseList, parseNamedExpr } from '../clauses.js';
import type { Cursor } from '../cursor.js';
import { expectedExpr } from '../expressions.js';

/** A non-empty `a, b = expr, (x, y) = expr` list; an empty one reports and yields one unnamed `Missing`. */
export function parseNamedList(c: Cursor): NamedExpr[] {
  if (atClauseEnd(c)) {
    const expr = expectedExpr(c);
    return [{ span: expr.span, names: [], expr }];
  }
  return parseList(c, parseNamedExpr);
}

/** `| extend a = expr, ...`. */
export function parseExtend(c: Cursor, kw: Token): Operator {
  const items = parseNamedList(c);
  const op: Extend = { kind: 'Extend', span: c.from(kw.span.start), keywordSpan: kw.span, items };
  return op;
}
