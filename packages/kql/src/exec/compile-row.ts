import type { ArithOp, BoundExpr } from '../plan/bound-expr.js';
import type { EvalContext } from '../functions/function-types.js';
import type { ScalarType } from '../types/scalar-type.js';
import type { Value } from '../values/value.js';
import { type Column, getValue } from './column.js';
import { arithScalar, compareScalar, dynamicOperandType } from './scalar-ops.js';
import { converterTo } from '../values/convert.js';
import { stringPredicate, compileStringPredicate } from '../functions/string-ops.js';
import { valueToString } from '../values/to-string.js';

/** Evaluates an expression for row `i` of a batch. */
export type RowEval = (cols: readonly Column[], i: number) => Value;

/**
 * Compiles a bound expression to nested closures, once per operator. This is the row-at-a-time path:
 * the columnar evaluator uses it for whatever it has no faster path for, and the binder uses it to
 * fold constants.
 */
export function compileRow(e: BoundExpr, ctx: EvalContext): RowEval {
  switch (e.k) {
    case 'const': {
      const v = e.value;
      return () => v;
    }
    case 'col': {
      const j = e.index;
      return (cols, i) => getValue(cols[j]!, i);
    }
    case 'call': {
      const args = e.args.map((a) => compileRow(a, ctx));
      const fn = e.fn;
      if (args.length === 0) return () => fn([], ctx);
      if (args.length === 1) {
        const a0 = args[0]!;
        return (cols, i) => fn([a0(cols, i)], ctx);
      }
      return (cols, i) => fn(args.map((a) => a(cols, i)), ctx);
    }
    case 'compare': {
      const l = compileRow(e.left, ctx);
      const r = compileRow(e.right, ctx);
      const { op, operandType, ignoreCase } = e;
      const cast = coerceTo(operandType, e.left.type, e.right.type);
      return (cols, i) => compareScalar(op, cast.left(l(cols, i)), cast.right(r(cols, i)), operandType, ignoreCase);
    }
    case 'string': {
      const l = compileRow(e.left, ctx);
      const asText = textOf(e.left.type);
      if (e.right.k === 'const') {
        const test = compileStringPredicate(e.op, textOf(e.right.type)(e.right.value), ctx.dialect);
        return (cols, i) => test(asText(l(cols, i)));
      }
      const r = compileRow(e.right, ctx);
      const rightText = textOf(e.right.type);
      const test = stringPredicate(e.op, ctx.dialect);
      return (cols, i) => test(asText(l(cols, i)), rightText(r(cols, i)));
    }
    case 'arith': {
      const l = readDynamicAs(e.op, e.left.type, e.right.type, 'left', compileRow(e.left, ctx));
      const r = readDynamicAs(e.op, e.left.type, e.right.type, 'right', compileRow(e.right, ctx));
      const { op, type } = e;
      return (cols, i) => arithScalar(op, l(cols, i), r(cols, i), type);
    }
    case 'logic': {
      const l = compileRow(e.left, ctx);
      const r = compileRow(e.right, ctx);
      // Three-valued logic as Kusto has it: false and null = false, true or null = true.
      if (e.op === 'and') {
        return (cols, i) => {
          const a = l(cols, i);
          if (a === false) return false;
          const b = r(cols, i);
          if (b === false) return false;
          return a === null || b === null ? null : true;
        };
      }
      return (cols, i) => {
        const a = l(cols, i);
        if (a === true) return true;
        const b = r(cols, i);
        if (b === true) return true;
        return a === null || b === null ? null : false;
      };
    }
    case 'in':
      return compileIn(e, ctx);
  }
}

/** A dynamic operand next to a datetime or timespan is read as one (`dyn + 1d`, `datetime - dyn`). */
function readDynamicAs(op: ArithOp, l: ScalarType, r: ScalarType, side: 'left' | 'right', f: RowEval): RowEval {
  if ((side === 'left' ? l : r) !== 'dynamic') return f;
  const as = dynamicOperandType(op, l, r);
  if (as === null) return f;
  const convert = converterTo(as, 'dynamic');
  return (cols, i) => convert(f(cols, i));
}

function compileIn(e: Extract<BoundExpr, { k: 'in' }>, ctx: EvalContext): RowEval {
  const l = compileRow(e.left, ctx);
  const key = membershipKey(e.operandType, e.ignoreCase);
  const negated = e.negated;
  const constant = e.items.every((x) => x.k === 'const');
  if (constant) {
    const set = new Set<string | number | boolean>();
    for (const item of e.items) for (const v of expandItem(item.value as Value)) if (v !== null) set.add(key(v));
    return (cols, i) => {
      const v = l(cols, i);
      if (v === null) return negated;
      return set.has(key(v)) !== negated;
    };
  }
  const items = e.items.map((x) => compileRow(x, ctx));
  return (cols, i) => {
    const v = l(cols, i);
    if (v === null) return negated;
    const k = key(v);
    for (const item of items) for (const x of expandItem(item(cols, i))) if (x !== null && key(x) === k) return !negated;
    return negated;
  };
}

/** A dynamic array among `in` items stands for its elements. */
function expandItem(v: Value): Value[] {
  return Array.isArray(v) ? v : [v];
}

export function membershipKey(type: ScalarType, ignoreCase: boolean): (v: Value) => string | number | boolean {
  if (type === 'string' || type === 'guid') {
    return ignoreCase ? (v) => String(v).toLowerCase() : (v) => String(v);
  }
  if (type === 'dynamic') return (v) => (typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean));
  return (v) => (typeof v === 'string' ? Number(v) : (v as number | boolean));
}

/** How a value of `type` reads as text for a string predicate (`has`, `contains`…). */
export function textOf(type: ScalarType): (v: Value) => string {
  if (type === 'string') return (v) => (v as string) ?? '';
  return (v) => (v === null ? '' : valueToString(v, type));
}

const same = (v: Value): Value => v;

/** When one side of a comparison is dynamic, its value is read as the other side's type. */
export function coerceTo(type: ScalarType, left: ScalarType, right: ScalarType): { left: (v: Value) => Value; right: (v: Value) => Value } {
  const conv = (from: ScalarType): ((v: Value) => Value) => {
    if (from === type) return same;
    if (type === 'string') return (v) => (v === null ? null : typeof v === 'string' ? v : valueToString(v, from));
    if (type === 'real' || type === 'long' || type === 'int' || type === 'datetime' || type === 'timespan') {
      return (v) => (typeof v === 'number' ? v : typeof v === 'string' && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v === null ? null : typeof v === 'boolean' ? Number(v) : null);
    }
    return same;
  };
  return { left: conv(left), right: conv(right) };
}
