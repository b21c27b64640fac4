import type * as ast from '../syntax/ast.js';
import { type BoundExpr, constExpr } from '../plan/bound-expr.js';
import { bindMessages as msg } from '../diagnostics/bind-messages.js';
import type { BindContext } from './context.js';

/**
 * `s has_any (a, b)` and `s has_all (…)` (has-any-operator / has-all-operator pages): `s has a or s has b`,
 * `… and …`, over the same term match as `has`. Items are strings or integers, or constant `dynamic`
 * arrays of them, expanded here. What the pages leave open (an empty list, a non-constant array, reals
 * or bools, a dynamic left side) is refused as unsupported rather than guessed. Undefined after a diagnostic.
 */
export function hasAnyExpr(e: ast.InList, left: BoundExpr, items: readonly BoundExpr[], ctx: BindContext): BoundExpr | undefined {
  const op = e.op;
  if (left.type !== 'string') {
    if (left.type === 'dynamic') ctx.diagnostics.push(msg.unsupported(`'${op}' over a dynamic value`, e.left.span));
    else ctx.diagnostics.push(msg.expectedType(`The left side of '${op}'`, 'string or dynamic', left.type, e.left.span));
    return undefined;
  }
  const terms: BoundExpr[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const span = e.items[i]!.span;
    if (item.type === 'string' || item.type === 'long' || item.type === 'int') terms.push(item);
    else if (item.type === 'dynamic' && item.k === 'const' && Array.isArray(item.value) && item.value.every(isTerm)) {
      for (const v of item.value) terms.push(typeof v === 'string' ? constExpr('string', v) : constExpr('long', v as number));
    } else {
      const what = item.type === 'dynamic' ? 'a dynamic value that is not a constant array of strings' : `a ${item.type} value`;
      ctx.diagnostics.push(msg.unsupported(`'${op}' with ${what}`, span));
      return undefined;
    }
  }
  if (terms.length === 0) {
    ctx.diagnostics.push(msg.unsupported(`'${op}' with an empty list`, e.span));
    return undefined;
  }
  const logic = op === 'has_any' ? 'or' : 'and';
  return terms
    .map((t): BoundExpr => ({ k: 'string', type: 'bool', op: 'has', left, right: t }))
    .reduce((a, b) => ({ k: 'logic', type: 'bool', op: logic, left: a, right: b }));
}

function isTerm(v: unknown): boolean {
  return typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v));
}
