import type { Operator, Where } from '../../syntax/ast.js';
import type { Token } from '../../syntax/token.js';
import { atClauseEnd } from '../clauses.js';
import type { Cursor } from '../cursor.js';
import { expectedExpr, parseExpr } from '../expressions.js';

/** `| where predicate` (and its alias `filter`). */
export function parseWhere(c: Cursor, kw: Token): Operator {
  const predicate = atClauseEnd(c) ? expectedExpr(c) : parseExpr(c);
  const op: Where = { kind: 'Where', span: c.from(kw.span.start), keywordSpan: kw.span, predicate };
  return op;
}
