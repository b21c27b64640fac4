import * as msg from '../../diagnostics/syntax-messages.js';
import type { Expr, Join, JoinCondition, Operator } from '../../syntax/ast.js';
import type { Token } from '../../syntax/token.js';
import { isHint, parseParams } from '../clauses.js';
import type { Cursor } from '../cursor.js';
import { parseExpr } from '../expressions.js';
import { parseTableOperand } from './union.js';

function joinParam(name: string): boolean {
  return name === 'kind' || isHint(name);
}

/**
 * `| join [kind=...] [hint.x=y] (query) | Table [on Col, $left.a == $right.b]`. Parameters may
 * also follow the right side, as Kusto allows. No `on` leaves the conditions empty.
 */
export function parseJoin(c: Cursor, kw: Token): Operator {
  const params = parseParams(c, joinParam);
  const right = parseTableOperand(c);
  params.push(...parseParams(c, joinParam));
  const on: JoinCondition[] = [];
  if (c.eatKeyword('on')) {
    do addConditions(c, parseExpr(c), on);
    while (c.eatPunct(','));
  }
  const op: Join = { kind: 'Join', span: c.from(kw.span.start), keywordSpan: kw.span, params, right, on };
  return op;
}

/**
 * A condition is a column name, `$left.a == $right.b`, or several of those joined by `and`.
 * An explicit stack, since a long `and` chain nests deeply on its left.
 */
function addConditions(c: Cursor, root: Expr, out: JoinCondition[]): void {
  const stack: Expr[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.kind === 'Binary' && e.op === 'and') {
      stack.push(e.right, e.left);
    } else if (e.kind === 'Name') {
      out.push({ kind: 'Same', span: e.span, name: { name: e.name, span: e.span } });
    } else if (e.kind === 'Binary' && e.op === '==') {
      out.push({ kind: 'Equal', span: e.span, left: e.left, right: e.right });
    } else if (e.kind !== 'Missing') {
      c.report(msg.invalidJoinCondition(e.span));
    }
  }
}
