import type * as ast from '../syntax/ast.js';
import type { DynamicShape, ScalarFunction } from '../functions/function-types.js';
import { type BoundExpr, columnsRead } from '../plan/bound-expr.js';
import { bindMessages as msg } from '../diagnostics/bind-messages.js';
import type { BindContext } from './context.js';

/*
 * What the binder knows of a dynamic value's shape, as Kusto's binder does: a dynamic literal, a
 * value folded from one, or the result of a function that always builds an array or a bag. Shapes
 * sit in a side table keyed by the bound node, so the plan's expression type stays as it is. A value
 * that came through parse_json/todynamic is of unknown shape even when folded, as in Kusto.
 */
const KNOWN_SHAPES = new WeakMap<BoundExpr, DynamicShape>();
const OPAQUE = new WeakSet<BoundExpr>();

/** The shape of a dynamic expression, when the binder knows it. */
export function shapeOf(e: BoundExpr): DynamicShape | undefined {
  if (e.type !== 'dynamic' || OPAQUE.has(e)) return undefined;
  const known = KNOWN_SHAPES.get(e);
  if (known || e.k !== 'const') return known;
  const v = e.value;
  if (v === null) return undefined;
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'bag' : 'scalar';
}

/** Records what a call to `fn` is known to give (before it is folded). */
export function noteCallShape(call: BoundExpr, fn: ScalarFunction): void {
  if (fn.opaqueDynamic) OPAQUE.add(call);
  else if (fn.resultShape) KNOWN_SHAPES.set(call, fn.resultShape);
}

/** A folded expression stays of unknown shape when what it was folded from was. */
export function noteFolded(from: BoundExpr, to: BoundExpr): void {
  if (to === from || to.k !== 'const') return;
  // `extract_all("a", "b")` folds to null, yet Kusto still types it an array: the call's shape stays.
  const made = KNOWN_SHAPES.get(from);
  if (made) KNOWN_SHAPES.set(to, made);
  const operands = from.k === 'call' ? from.args : from.k === 'in' ? [from.left, ...from.items] : from.k === 'const' || from.k === 'col' ? [] : [from.left, from.right];
  if (OPAQUE.has(from) || operands.some((o) => OPAQUE.has(o))) OPAQUE.add(to);
}

/**
 * Kusto's binder does not carry constness through parentheses: `round(x, (2))` and `round(x, -(2))`
 * are refused as not constant (KS129), so any parenthesis inside the argument makes it non-constant.
 */
function hasParens(e: ast.Expr): boolean {
  switch (e.kind) {
    case 'Paren': return true;
    case 'Binary': return hasParens(e.left) || hasParens(e.right);
    case 'Unary': return hasParens(e.operand);
    case 'In': return hasParens(e.left) || e.items.some(hasParens);
    case 'Between': return hasParens(e.left) || hasParens(e.low) || hasParens(e.high);
    case 'Call': return e.args.some(hasParens);
    case 'Member': return hasParens(e.target);
    case 'Index': return hasParens(e.target) || hasParens(e.index);
    default: return false;
  }
}

/**
 * Checks each argument against the function's declared rules (constant, literal, dynamic shape) and
 * reports every breach at the argument. True when all hold.
 */
export function checkArgRules(fn: ScalarFunction, call: ast.Call, args: readonly BoundExpr[], ctx: BindContext): boolean {
  const rules = fn.argRules;
  if (!rules) return true;
  let ok = true;
  for (let i = 0; i < args.length && i < rules.length; i++) {
    const rule = rules[i];
    const arg = args[i]!;
    const syntax = call.args[i]!;
    if (!rule) continue;
    if (rule.form === 'literal' && !(syntax.kind === 'Literal' && typeof syntax.value === 'string')) {
      ctx.diagnostics.push(msg.literalRequired(fn.name, i, syntax.span));
      ok = false;
    } else if (rule.form === 'constant' && (columnsRead(arg).size > 0 || hasParens(syntax))) {
      ctx.diagnostics.push(msg.constantRequired(fn.name, i, syntax.span));
      ok = false;
    }
    const shape = rule.shape ? shapeOf(arg) : undefined;
    if (rule.shape && shape !== undefined && shape !== rule.shape) {
      ctx.diagnostics.push(rule.shape === 'array' ? msg.arrayRequired(fn.name, i, shape, syntax.span) : msg.bagRequired(fn.name, i, shape, syntax.span));
      ok = false;
    }
  }
  return ok;
}
