import type { NamedExpr, Operator, Summarize } from '../../syntax/ast.js';
import type { Token } from '../../syntax/token.js';
import { atClauseEnd, isHint, parseList, parseNamedExpr, parseParams } from '../clauses.js';
import type { Cursor } from '../cursor.js';
import { expectedExpr } from '../expressions.js';

/** `| summarize [hint.x=y] [aggregates] [by keys]`; either list may be empty, not both. */
export function parseSummarize(c: Cursor, kw: Token): Operator {
  const params = parseParams(c, isHint);
  let aggregates: NamedExpr[] = [];
  let by: NamedExpr[] = [];
  if (!c.isKeyword('by')) {
    if (atClauseEnd(c)) expectedExpr(c);
    else aggregates = parseList(c, parseNamedExpr);
  }
  if (c.eatKeyword('by')) {
    if (atClauseEnd(c)) {
      const expr = expectedExpr(c);
      by = [{ span: expr.span, names: [], expr }];
    } else {
      by = parseList(c, parseNamedExpr);
    }
  }
  const op: Summarize = { kind: 'Summarize', span: c.from(kw.span.start), keywordSpan: kw.span, params, aggregates, by };
  return op;
}
