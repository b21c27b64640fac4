import * as msg from '../../diagnostics/syntax-messages.js';
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

/**
 * `| serialize`: rows keep their order here anyway, so it changes nothing (serialize-operator page: it
 * only marks the order as safe for window functions); it is read as an extend of no columns. With a
 * column list it is refused: its columns serve window functions openpivot lacks, and the official
 * binder names a clashing column apart (`a1`) where extend would replace it.
 */
export function parseSerialize(c: Cursor, kw: Token): Operator {
  if (!atClauseEnd(c)) {
    const start = c.tok.span.start;
    parseList(c, parseNamedExpr);
    c.report(msg.unsupportedOperator('serialize', c.from(start), ' with columns; write a bare serialize'));
  }
  const op: Extend = { kind: 'Extend', span: c.from(kw.span.start), keywordSpan: kw.span, items: [] };
  return op;
}

/** `| extend a = expr, ...`. */
export function parseExtend(c: Cursor, kw: Token): Operator {
  const items = parseNamedList(c);
  const op: Extend = { kind: 'Extend', span: c.from(kw.span.start), keywordSpan: kw.span, items };
  return op;
}
