import type * as ast from '../syntax/ast.js';
import type { ScalarType } from '../types/scalar-type.js';
import { isNumeric, TYPE_NAMES } from '../types/scalar-type.js';
import type { Value } from '../values/value.js';
import type { ArgInfo } from '../functions/function-types.js';
import { type BoundExpr, type CompareOp, constExpr, isFoldable } from '../plan/bound-expr.js';
import { bindMessages as msg } from '../diagnostics/bind-messages.js';
import { lookupFunction } from '../functions/registry.js';
import { KUSTO_FUNCTION_SET } from '../diagnostics/kusto-names.js';
import { hasAnyExpr } from './bind-has-any.js';
import { arithResultType } from '../exec/scalar-ops.js';
import { compileRow } from '../exec/compile-row.js';
import { resolveIn, resolveName, suggestNames } from './names.js';
import type { Scope } from './scope.js';
import { type BindContext, tooManyErrors } from './context.js';
import { memberFunction, indexFunction } from './dynamic-access.js';
import { checkArgRules, noteCallShape, noteFolded } from './arg-rules.js';

/** Stands for an expression that already produced a diagnostic, so later checks stay quiet about it. */
export const ERROR_EXPR: BoundExpr = Object.freeze({ k: 'const', type: 'dynamic', value: null }) as BoundExpr;

/**
 * Aggregates met inside a summarize expression. The summarize binder passes a collector; everywhere
 * else an aggregate call is an error.
 */
export interface AggregateCollector {
  collect(call: ast.Call, scope: Scope, ctx: BindContext): BoundExpr;
}

export interface ExprOptions {
  readonly aggregates?: AggregateCollector;
}

export function bindExpr(e: ast.Expr, scope: Scope, ctx: BindContext, opts: ExprOptions = {}): BoundExpr {
  switch (e.kind) {
    case 'Literal':
      return constExpr(e.type, e.value);
    case 'Paren':
      return bindExpr(e.inner, scope, ctx, opts);
    case 'Missing':
      return ERROR_EXPR;
    case 'Star':
      ctx.diagnostics.push(msg.unsupported("'*' here", e.span));
      return ERROR_EXPR;
    case 'Name':
      return bindName(e, scope, ctx);
    case 'Unary': {
      const operand = bindExpr(e.operand, scope, ctx, opts);
      if (operand === ERROR_EXPR) return ERROR_EXPR;
      const type = operand.type;
      // Kusto's unary plus takes a number, timespan, datetime or dynamic (KS106 for a string, bool or guid).
      if (!isNumeric(type) && type !== 'timespan' && type !== 'dynamic' && (e.op === '-' || type !== 'datetime')) {
        ctx.diagnostics.push(msg.operatorTypes(e.op, operand.type, operand.type, e.span));
        return ERROR_EXPR;
      }
      if (e.op === '+') return operand;
      return fold({ k: 'arith', type, op: '-', left: constExpr(type, 0), right: operand }, ctx);
    }
    case 'Binary':
      return bindBinary(e, scope, ctx, opts);
    case 'In':
      return bindIn(e, scope, ctx, opts);
    case 'Between': {
      const left = bindExpr(e.left, scope, ctx, opts);
      const low = bindExpr(e.low, scope, ctx, opts);
      let high = bindExpr(e.high, scope, ctx, opts);
      if (left === ERROR_EXPR || low === ERROR_EXPR || high === ERROR_EXPR) return ERROR_EXPR;
      // `t between (start .. 1d)`: a timespan upper bound is an offset from the lower one.
      if (left.type === 'datetime' && high.type === 'timespan') high = { k: 'arith', type: 'datetime', op: '+', left: low, right: high };
      const lo = comparison(e.negated ? '<' : '>=', left, low, e.span, ctx);
      const hi = comparison(e.negated ? '>' : '<=', left, high, e.span, ctx);
      if (lo === ERROR_EXPR || hi === ERROR_EXPR) return ERROR_EXPR;
      return fold({ k: 'logic', type: 'bool', op: e.negated ? 'or' : 'and', left: lo, right: hi }, ctx);
    }
    case 'Call':
      return bindCall(e, scope, ctx, opts);
    case 'Member': {
      const target = bindExpr(e.target, scope, ctx, opts);
      if (target === ERROR_EXPR) return ERROR_EXPR;
      return fold(memberFunction(target, e.member.name), ctx);
    }
    case 'Index': {
      const target = bindExpr(e.target, scope, ctx, opts);
      const index = bindExpr(e.index, scope, ctx, opts);
      if (target === ERROR_EXPR || index === ERROR_EXPR) return ERROR_EXPR;
      // Kusto allows `x[i]` on dynamic values only (KS147 for a string or number).
      if (target.type !== 'dynamic') {
        const bracket = e.index.span.start - 1; // the '[' (the index starts right after it)
        ctx.diagnostics.push(msg.elementAccess(target.type, { start: bracket, end: bracket + 1 }));
        return ERROR_EXPR;
      }
      return fold(indexFunction(target, index), ctx);
    }
  }
}

function bindName(e: ast.NameRef, scope: Scope, ctx: BindContext): BoundExpr {
  const r = resolveIn(e.name, scope, (c) => c.name, ctx.dialect);
  if ('found' in r) return scope[r.found]!.expr;
  const letNames = [...ctx.lets.keys()];
  const l = resolveName(e.name, letNames, ctx.dialect);
  if ('found' in l) {
    const binding = ctx.lets.get(letNames[l.found]!)!;
    if (binding.kind === 'scalar') return binding.expr;
    ctx.diagnostics.push(msg.notAScalar(e.name, e.span));
    return ERROR_EXPR;
  }
  if ('ambiguous' in r) {
    ctx.diagnostics.push(msg.ambiguousName(e.name, e.span, r.ambiguous));
    return ERROR_EXPR;
  }
  if (tooManyErrors(ctx)) return ERROR_EXPR;
  const candidates = [...scope.map((c) => c.name), ...letNames.filter((n) => ctx.lets.get(n)!.kind === 'scalar')];
  ctx.diagnostics.push(msg.unknownColumn(e.name, e.span, suggestNames(e.name, candidates)));
  return ERROR_EXPR;
}

const COMPARE_OPS: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=', '=~', '!~']);
const ARITH_OPS: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%']);

function bindBinary(e: ast.Binary, scope: Scope, ctx: BindContext, opts: ExprOptions): BoundExpr {
  const left = bindExpr(e.left, scope, ctx, opts);
  const right = bindExpr(e.right, scope, ctx, opts);
  if (left === ERROR_EXPR || right === ERROR_EXPR) return ERROR_EXPR;
  const op = e.op;
  if (op === 'and' || op === 'or') {
    for (const side of [left, right]) {
      if (side.type !== 'bool' && side.type !== 'dynamic') {
        ctx.diagnostics.push(msg.operatorTypes(op, left.type, right.type, e.opSpan));
        return ERROR_EXPR;
      }
    }
    return fold({ k: 'logic', type: 'bool', op, left, right }, ctx);
  }
  if (ARITH_OPS.has(op)) {
    const arithOp = op as '+' | '-' | '*' | '/' | '%';
    const type = arithResultType(arithOp, left.type, right.type);
    if (type === null) {
      ctx.diagnostics.push(msg.operatorTypes(op, left.type, right.type, e.opSpan));
      return ERROR_EXPR;
    }
    return fold({ k: 'arith', type, op: arithOp, left, right }, ctx);
  }
  if (COMPARE_OPS.has(op)) {
    if (op === '=~' || op === '!~') {
      return comparison(op === '=~' ? '==' : '!=', left, right, e.opSpan, ctx, true);
    }
    return comparison(op as CompareOp, left, right, e.opSpan, ctx);
  }
  // The string predicates read any scalar as its text.
  return fold({ k: 'string', type: 'bool', op: op as ast.StringOp, left, right }, ctx);
}

/** The type two operands are compared as, or null when they cannot be compared. */
export function comparisonType(l: ScalarType, r: ScalarType): ScalarType | null {
  if (l === r) return l;
  if (isNumeric(l) && isNumeric(r)) return l === 'real' || r === 'real' ? 'real' : 'long';
  if (l === 'dynamic') return r;
  if (r === 'dynamic') return l;
  if ((l === 'string' && r === 'guid') || (l === 'guid' && r === 'string')) return 'string';
  return null;
}

function comparison(op: CompareOp, left: BoundExpr, right: BoundExpr, span: ast.Binary['opSpan'], ctx: BindContext, forceIgnoreCase = false): BoundExpr {
  const operandType = comparisonType(left.type, right.type);
  if (operandType === null) {
    ctx.diagnostics.push(msg.operatorTypes(op, left.type, right.type, span));
    return ERROR_EXPR;
  }
  const ignoreCase = operandType === 'string' && (forceIgnoreCase || ctx.dialect === 'cmpivot');
  return fold({ k: 'compare', type: 'bool', op, operandType, ignoreCase, left, right }, ctx);
}

function bindIn(e: ast.InList, scope: Scope, ctx: BindContext, opts: ExprOptions): BoundExpr {
  const left = bindExpr(e.left, scope, ctx, opts);
  const items = e.items.map((i) => bindExpr(i, scope, ctx, opts));
  if (left === ERROR_EXPR || items.includes(ERROR_EXPR)) return ERROR_EXPR;
  if (e.op === 'has_any' || e.op === 'has_all') {
    const expanded = hasAnyExpr(e, left, items, ctx);
    return expanded ? fold(expanded, ctx) : ERROR_EXPR;
  }
  for (let i = 0; i < items.length; i++) {
    if (comparisonType(left.type, items[i]!.type) === null) {
      ctx.diagnostics.push(msg.mixedTypes(`'${e.op}'`, left.type, items[i]!.type, e.items[i]!.span));
      return ERROR_EXPR;
    }
  }
  const negated = e.op.startsWith('!');
  const ignoreCase = left.type === 'string' && (e.op.endsWith('~') || ctx.dialect === 'cmpivot');
  return fold({ k: 'in', type: 'bool', negated, ignoreCase, operandType: left.type, left, items }, ctx);
}

/** Kusto's function names are lower case and case-sensitive; cmpivot names ignore case. */
function kustoFunctionKey(name: string, dialect: BindContext['dialect']): string {
  return dialect === 'cmpivot' ? name.toLowerCase() : name;
}

function bindCall(e: ast.Call, scope: Scope, ctx: BindContext, opts: ExprOptions): BoundExpr {
  const found = lookupFunction(e.name.name, ctx.dialect);
  if ('error' in found) {
    const r = found.error;
    if (tooManyErrors(ctx)) { /* enough said */ }
    else if ('ambiguous' in r) ctx.diagnostics.push(msg.ambiguousName(e.name.name, e.name.span, r.ambiguous));
    // A real Kusto function the registry lacks is "unsupported", not "unknown": the query is right, openpivot is short.
    else if (KUSTO_FUNCTION_SET.has(kustoFunctionKey(e.name.name, ctx.dialect))) ctx.diagnostics.push(msg.unsupportedFunction(e.name.name, e.name.span));
    else ctx.diagnostics.push(msg.unknownFunction(e.name.name, e.name.span, 'missing' in r ? r.missing : []));
    for (const a of e.args) if (a.kind !== 'Star') bindExpr(a, scope, ctx, opts);
    return ERROR_EXPR;
  }
  if ('aggregate' in found) {
    if (opts.aggregates) return opts.aggregates.collect(e, scope, ctx);
    ctx.diagnostics.push(msg.aggregateOutsideSummarize(found.aggregate.name, e.name.span));
    return ERROR_EXPR;
  }
  const fn = found.scalar;
  const args = e.args.map((a) => typeofArgument(a) ?? bindExpr(a, scope, ctx, opts));
  if (args.includes(ERROR_EXPR)) return ERROR_EXPR;
  if (args.length < fn.minArgs || args.length > fn.maxArgs) {
    ctx.diagnostics.push(msg.wrongArgumentCount(fn.name, fn.minArgs, fn.maxArgs, args.length, e.span));
    return ERROR_EXPR;
  }
  if (!checkArgRules(fn, e, args, ctx)) return ERROR_EXPR;
  const info = argInfo(args);
  const type = fn.returns(info, ctx.dialect);
  if (typeof type !== 'string') {
    const at = type.argIndex !== undefined ? e.args[type.argIndex]?.span ?? e.span : e.span;
    ctx.diagnostics.push(msg.wrongArgument(fn.name, type.error, at));
    return ERROR_EXPR;
  }
  const call: BoundExpr = { k: 'call', type, name: fn.name, fn: fn.compile(info, ctx.dialect), args, ...(fn.volatile ? { volatile: true } : {}) };
  noteCallShape(call, fn);
  return fold(call, ctx);
}

function operandsConstant(e: BoundExpr): boolean {
  const isConst = (x: BoundExpr): boolean => x.k === 'const' && x !== ERROR_EXPR;
  switch (e.k) {
    case 'const': return true;
    case 'col': return false;
    case 'call': return !e.volatile && e.args.every(isConst) && isFoldable(e);
    case 'in': return isConst(e.left) && e.items.every(isConst);
    default: return isConst(e.left) && isConst(e.right);
  }
}

export function argInfo(args: readonly BoundExpr[]): ArgInfo[] {
  return args.map((a) => {
    if (a.k !== 'const') return { type: a.type };
    return a.typeLiteral ? { type: a.type, constant: { value: a.value }, typeLiteral: a.typeLiteral } : { type: a.type, constant: { value: a.value } };
  });
}

/** `typeof(long)` as a function argument: the type, carried as a constant naming it. */
function typeofArgument(e: ast.Expr): BoundExpr | undefined {
  if (e.kind !== 'Call' || e.name.name !== 'typeof' || e.args.length !== 1) return undefined;
  const inner = e.args[0]!;
  const name = inner.kind === 'Name' ? inner.name : inner.kind === 'Literal' && typeof inner.value === 'string' ? inner.value : '';
  const type = TYPE_NAMES[name.toLowerCase()];
  return type ? { k: 'const', type: 'string', value: type, typeLiteral: type } : undefined;
}

/**
 * Replaces an expression that reads no column and no clock by its value. Binding folds bottom-up, so
 * a foldable expression's operands are already constants: one level is all there is to look at.
 */
export function fold(e: BoundExpr, ctx: BindContext): BoundExpr {
  if (e.k === 'const' || !operandsConstant(e)) return e;
  let value: Value;
  try {
    value = compileRow(e, ctx.evalContext)([], 0);
  } catch {
    return e; // leave it to run time, where the error is reported against the row
  }
  const folded = constExpr(e.type, value);
  noteFolded(e, folded);
  return folded;
}
