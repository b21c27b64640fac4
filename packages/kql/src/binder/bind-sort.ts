import type * as ast from '../syntax/ast.js';
import type { PlanNode, SortSpec } from '../plan/plan-node.js';
import type { BindContext } from './context.js';
import { bindMessages as msg } from '../diagnostics/bind-messages.js';
import { bindExpr, ERROR_EXPR } from './bind-expr.js';
import { scopeOf } from './scope.js';
import { isIntegral } from '../types/scalar-type.js';

/** Kusto's defaults: descending; nulls first when ascending, last when descending. */
export function bindSortKeys(keys: readonly ast.SortKey[], input: PlanNode, ctx: BindContext): SortSpec[] {
  const scope = scopeOf(input.schema);
  return keys.map((k) => {
    const expr = bindExpr(k.expr, scope, ctx);
    const descending = k.direction !== 'asc';
    const nullsFirst = k.nulls === undefined ? !descending : k.nulls === 'first';
    return { expr, descending, nullsFirst };
  });
}

export function bindSort(op: ast.Sort, input: PlanNode, ctx: BindContext): PlanNode {
  return { kind: 'Sort', input, keys: bindSortKeys(op.keys, input, ctx), schema: input.schema };
}

export function bindTop(op: ast.Top, input: PlanNode, ctx: BindContext): PlanNode {
  const count = constantCount(op.count, 'top', ctx);
  return { kind: 'Top', input, count, keys: bindSortKeys(op.keys, input, ctx), schema: input.schema };
}

export function bindTake(op: ast.Take, input: PlanNode, ctx: BindContext): PlanNode {
  const count = constantCount(op.count, 'take', ctx);
  // `order by … | take N` is `top N by …`: a bounded heap instead of a full sort.
  if (input.kind === 'Sort') return { kind: 'Top', input: input.input, count, keys: input.keys, schema: input.schema };
  return { kind: 'Limit', input, count, schema: input.schema };
}

/** The row count of take/top/mv-expand limit: a constant whole number (a `let` constant counts). */
export function constantCount(e: ast.Expr, what: string, ctx: BindContext): number {
  const bound = bindExpr(e, [], ctx);
  if (bound === ERROR_EXPR) return 0;
  if (bound.k !== 'const' || !isIntegral(bound.type) && bound.type !== 'real') {
    ctx.diagnostics.push(msg.expectedConstant(`The row count of ${what}`, e.span));
    return 0;
  }
  const n = bound.value;
  return typeof n === 'number' && n > 0 ? Math.floor(n) : 0;
}
