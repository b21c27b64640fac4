import * as msg from '../../diagnostics/syntax-messages.js';
import type { Operator, Sort, SortKey, Take, Top } from '../../syntax/ast.js';
import type { Token } from '../../syntax/token.js';
import { atClauseEnd, parseList, parseSortKey } from '../clauses.js';
import type { Cursor } from '../cursor.js';
import { expectedExpr, parseExpr } from '../expressions.js';

function keys(c: Cursor): SortKey[] {
  if (!atClauseEnd(c)) return parseList(c, parseSortKey);
  const expr = expectedExpr(c);
  return [{ span: expr.span, expr }];
}

function expectBy(c: Cursor): void {
  if (!c.eatKeyword('by')) c.report(msg.expectedKeyword('by', c.tok.span, c.tok.text));
}

/** `| order by k [asc|desc] [nulls first|last], ...` and `| sort by ...`. */
export function parseSort(c: Cursor, kw: Token): Operator {
  expectBy(c);
  const sortKeys = keys(c);
  const op: Sort = { kind: 'Sort', span: c.from(kw.span.start), keywordSpan: kw.span, keys: sortKeys };
  return op;
}

/** `| top N by k [asc|desc] [nulls first|last]`. */
export function parseTop(c: Cursor, kw: Token): Operator {
  const count = atClauseEnd(c) || c.isKeyword('by') ? expectedExpr(c) : parseExpr(c);
  expectBy(c);
  const sortKeys = keys(c);
  // Kusto's top orders by one expression; several keys are `order by a, b | take N`.
  if (sortKeys.length > 1) c.report(msg.topTakesOneKey(sortKeys[1]!.span));
  const op: Top = { kind: 'Top', span: c.from(kw.span.start), keywordSpan: kw.span, count, keys: sortKeys };
  return op;
}

/** `| take N` and `| limit N`. */
export function parseTake(c: Cursor, kw: Token): Operator {
  const count = atClauseEnd(c) ? expectedExpr(c) : parseExpr(c);
  const op: Take = { kind: 'Take', span: c.from(kw.span.start), keywordSpan: kw.span, count };
  return op;
}
