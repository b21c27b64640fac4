import type { ScalarType } from '../types/scalar-type.js';
import type { Value } from '../values/value.js';
import type { ArithOp, CompareOp } from '../plan/bound-expr.js';
import { compareValues } from '../values/compare.js';

/**
 * The row-at-a-time semantics of the built-in operators. The columnar evaluator has faster paths for
 * common shapes but must agree with these on every input.
 */

/**
 * Kusto's null rules: two nulls compare to null; a null and a non-null are unequal (`==` false,
 * `!=` true); an ordering comparison with a null side is null (which `where` treats as false).
 */
export function compareScalar(op: CompareOp, a: Value, b: Value, type: ScalarType, ignoreCase: boolean): boolean | null {
  if (a === null || b === null) {
    if (type === 'string') { a ??= ''; b ??= ''; } else return nullComparison(op, a === null && b === null);
  }
  if (type === 'real' && (Number.isNaN(a) || Number.isNaN(b))) return op === '!=';
  if (type === 'dynamic' && (op === '==' || op === '!=')) {
    const eq = sameDynamic(a, b);
    return op === '==' ? eq : !eq;
  }
  const c = compareValues(a, b, type, ignoreCase);
  switch (op) {
    case '==': return c === 0;
    case '!=': return c !== 0;
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    case '>=': return c >= 0;
  }
}

export function nullComparison(op: CompareOp, bothNull: boolean): boolean | null {
  if (bothNull) return null;
  return op === '==' ? false : op === '!=' ? true : null;
}

function sameDynamic(a: Value, b: Value): boolean {
  if (typeof a !== 'object' && typeof b !== 'object') return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Result type of `left op right`, or null when Kusto defines no such operator. */
export function arithResultType(op: ArithOp, l: ScalarType, r: ScalarType): ScalarType | null {
  const num = (t: ScalarType): boolean => t === 'int' || t === 'long' || t === 'real';
  // As the official binder types them: dynamic with dynamic stays dynamic; dynamic with a number takes
  // the number's type; with a datetime or timespan, `+`/`-` read the dynamic side as the type that
  // makes the operator defined (see dynamicOperandType).
  if (l === 'dynamic' && r === 'dynamic') return 'dynamic';
  if (l === 'dynamic' && num(r)) return r === 'int' ? 'long' : r;
  if (r === 'dynamic' && num(l)) return l === 'int' ? 'long' : l;
  if (l === 'dynamic' || r === 'dynamic') {
    const other = l === 'dynamic' ? r : l;
    const as = dynamicOperandType(op, l, r);
    if (as === null) return null;
    return l === 'dynamic' ? arithResultType(op, as, other) : arithResultType(op, other, as);
  }
  if (num(l) && num(r)) return l === 'real' || r === 'real' ? 'real' : 'long';
  switch (op) {
    case '+':
      if (l === 'datetime' && r === 'timespan') return 'datetime';
      if (l === 'timespan' && r === 'datetime') return 'datetime';
      if (l === 'timespan' && r === 'timespan') return 'timespan';
      return null;
    case '-':
      if (l === 'datetime' && r === 'datetime') return 'timespan';
      if (l === 'datetime' && r === 'timespan') return 'datetime';
      if (l === 'timespan' && r === 'timespan') return 'timespan';
      return null;
    case '*':
      if (l === 'timespan' && num(r)) return 'timespan';
      if (num(l) && r === 'timespan') return 'timespan';
      return null;
    case '/':
      if (l === 'timespan' && num(r)) return 'timespan';
      if (l === 'timespan' && r === 'timespan') return 'real';
      return null;
    case '%':
      if (l === 'timespan' && r === 'timespan') return 'timespan';
      return null;
  }
}

/**
 * How a dynamic operand of `+`/`-` next to a datetime or timespan is read: `datetime - dyn` and
 * `dyn - datetime` read it as a datetime (giving a timespan), every other pairing as a timespan.
 * Null when the operator is not defined for the pair.
 */
export function dynamicOperandType(op: ArithOp, l: ScalarType, r: ScalarType): ScalarType | null {
  const other = l === 'dynamic' ? r : l;
  if ((op !== '+' && op !== '-') || (other !== 'datetime' && other !== 'timespan')) return null;
  return op === '-' && other === 'datetime' ? 'datetime' : 'timespan';
}

function toNumber(v: Value): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isNaN(n) ? null : n;
  }
  return null;
}

/** `a op b` for already-typed operands; integer results truncate toward zero, integer division by zero is null. */
export function arithScalar(op: ArithOp, a: Value, b: Value, resultType: ScalarType): Value {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === null || y === null) return null;
  return arithNumbers(op, x, y, resultType === 'long' || resultType === 'int');
}

export function arithNumbers(op: ArithOp, x: number, y: number, integral: boolean): number | null {
  switch (op) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return integral ? Math.trunc(x * y) : x * y;
    case '/':
      if (integral) return y === 0 ? null : Math.trunc(x / y);
      return x / y;
    case '%': {
      // Kusto's modulo is never negative: 0 <= x % y < abs(y).
      if (integral && y === 0) return null;
      const r = integral ? Math.trunc(x) % Math.trunc(y) : x % y;
      return r < 0 ? r + Math.abs(y) : r === 0 ? 0 : r;
    }
  }
}
