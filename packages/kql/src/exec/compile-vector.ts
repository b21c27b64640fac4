import type { ArithOp, BoundExpr, CompareOp } from '../plan/bound-expr.js';
import type { EvalContext } from '../functions/function-types.js';
import type { Value } from '../values/value.js';
import { isIntegral } from '../types/scalar-type.js';
import { type Column, type NumColumn, type StrColumn, BOOL_NULL, ColumnBuilder, constantColumn } from './column.js';
import type { Table } from './table.js';
import { coerceTo, compileRow, membershipKey, textOf } from './compile-row.js';
import { compareScalar } from './scalar-ops.js';
import { compileStringPredicate } from '../functions/string-ops.js';
import { EPOCH_OFFSET_MS } from '../values/convert.js';

/** Evaluates an expression over a whole batch, giving one column. */
export type VectorEval = (t: Table) => Column;

/**
 * Compiles an expression once per operator into a function over batches. The shapes that dominate
 * real queries — a string column against a constant, a number column against a constant, and/or,
 * arithmetic on number columns — run as tight loops; a string predicate is evaluated once per
 * dictionary entry, not once per row. Everything else falls back to the row-at-a-time closures.
 */
export function compileVector(e: BoundExpr, ctx: EvalContext): VectorEval {
  const dict = dictionaryTest(e, ctx);
  if (dict) return (t) => byDictionary(t.columns[dict.column] as StrColumn, dict.test);
  switch (e.k) {
    case 'col': {
      const j = e.index;
      return (t) => t.columns[j]!;
    }
    case 'const': {
      const { type, value } = e;
      return (t) => constantColumn(type, value, t.length);
    }
    case 'compare': {
      const fast = compareFast(e, ctx);
      if (fast) return fast;
      break;
    }
    case 'string':
      break;
    case 'in': {
      if (e.left.k !== 'col' || !e.items.every((x) => x.k === 'const')) break;
      const key = membershipKey(e.operandType, e.ignoreCase);
      const set = new Set<string | number | boolean>();
      for (const item of e.items) {
        for (const v of Array.isArray(item.value) ? item.value : [item.value as Value]) if (v !== null) set.add(key(v));
      }
      const j = e.left.index;
      const negated = e.negated;
      if (isNumberType(e.left.type) && isNumberType(e.operandType)) {
        return (t) => {
          const c = t.columns[j] as NumColumn;
          const out = new Uint8Array(t.length);
          for (let i = 0; i < t.length; i++) out[i] = c.nulls !== null && c.nulls[i] === 1 ? Number(negated) : Number(set.has(c.data[i]!) !== negated);
          return { kind: 'bool', length: t.length, data: out };
        };
      }
      break;
    }
    case 'logic': {
      const l = compileVector(e.left, ctx);
      const r = compileVector(e.right, ctx);
      if (e.left.type !== 'bool' || e.right.type !== 'bool') break;
      const and = e.op === 'and';
      return (t) => {
        const a = l(t);
        const b = r(t);
        if (a.kind !== 'bool' || b.kind !== 'bool') return rowwise(e, ctx)(t);
        const out = new Uint8Array(t.length);
        for (let i = 0; i < t.length; i++) out[i] = and ? and3(a.data[i]!, b.data[i]!) : or3(a.data[i]!, b.data[i]!);
        return { kind: 'bool', length: t.length, data: out };
      };
    }
    case 'arith': {
      if (!isNumberType(e.left.type) || !isNumberType(e.right.type) || !isNumberType(e.type)) break;
      const l = compileVector(e.left, ctx);
      const r = compileVector(e.right, ctx);
      const op = e.op;
      const integral = isIntegral(e.type);
      const kernel = ARITH_KERNELS[op];
      const checkpoint = ctx.checkpoint;
      return (t) => {
        const a = l(t) as NumColumn;
        const b = r(t) as NumColumn;
        const n = t.length;
        const data = new Float64Array(n);
        // One tight loop per operator first; nulls and the integer rules are fixed up after.
        kernel(a.data, b.data, data, n);
        checkpoint?.();
        let nulls: Uint8Array | null = null;
        if (a.nulls !== null || b.nulls !== null) {
          nulls = new Uint8Array(n);
          for (let i = 0; i < n; i++) if ((a.nulls !== null && a.nulls[i] === 1) || (b.nulls !== null && b.nulls[i] === 1)) nulls[i] = 1;
        }
        if (op === '%') {
          // Kusto's modulo is never negative; integer modulo by zero is null.
          const x = a.data;
          const y = b.data;
          for (let i = 0; i < n; i++) {
            if ((i & 0xfffff) === 0xfffff) checkpoint?.();
            const d = y[i]!;
            if (integral && d === 0) { (nulls ??= new Uint8Array(n))[i] = 1; continue; }
            let m = integral ? Math.trunc(x[i]!) % Math.trunc(d) : x[i]! % d;
            if (m < 0) m += Math.abs(d);
            data[i] = m === 0 ? 0 : m;
          }
        } else if (integral && op === '/') {
          const y = b.data;
          for (let i = 0; i < n; i++) {
            if (y[i] === 0) (nulls ??= new Uint8Array(n))[i] = 1;
            else data[i] = Math.trunc(data[i]!);
          }
        }
        return { kind: 'num', length: n, data, nulls };
      };
    }
    case 'call':
      if ((e.name === 'bin' || e.name === 'floor') && e.args.length === 2) {
        const fast = binFast(e.args[0]!, e.args[1]!, ctx);
        if (fast) return fast;
      }
      if (isNumberType(e.type) && e.args.every((a) => isNumberType(a.type))) return numericCall(e, ctx);
      break;
  }
  return rowwise(e, ctx);
}

/** `bin(x, constant)`, the usual summarize key: one loop, no call per row. */
function binFast(value: BoundExpr, size: BoundExpr, ctx: EvalContext): VectorEval | undefined {
  if (!isNumberType(value.type) || size.k !== 'const' || typeof size.value !== 'number' || !(size.value > 0)) return undefined;
  const input = compileVector(value, ctx);
  const step = size.value;
  // Kusto counts datetime bins from 0001-01-01, not from the Unix epoch.
  const origin = value.type === 'datetime' ? EPOCH_OFFSET_MS % step : 0;
  return (t) => {
    const c = input(t) as NumColumn;
    const n = t.length;
    const data = new Float64Array(n);
    const src = c.data;
    for (let i = 0; i < n; i++) {
      const x = src[i]! + origin;
      data[i] = Math.floor(x / step) * step - origin;
    }
    return { kind: 'num', length: n, data, nulls: c.nulls };
  };
}

/**
 * A function of numbers giving a number (`bin(Time, 1h)`, `round(x, 2)`): arguments read straight from
 * typed arrays into one reused array, the result written straight into a Float64Array.
 */
function numericCall(e: Extract<BoundExpr, { k: 'call' }>, ctx: EvalContext): VectorEval {
  const argEvals = e.args.map((a) => compileVector(a, ctx));
  const fn = e.fn;
  return (t) => {
    const n = t.length;
    const cols = argEvals.map((a) => a(t) as NumColumn);
    const data = new Float64Array(n);
    let nulls: Uint8Array | null = null;
    const args: Value[] = new Array(cols.length);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < cols.length; j++) {
        const c = cols[j]!;
        args[j] = c.nulls !== null && c.nulls[i] === 1 ? null : c.data[i]!;
      }
      const v = fn(args, ctx);
      if (typeof v === 'number') data[i] = v;
      else (nulls ??= new Uint8Array(n))[i] = 1;
    }
    return { kind: 'num', length: n, data, nulls };
  };
}

function isNumberType(t: string): boolean {
  return t === 'int' || t === 'long' || t === 'real' || t === 'datetime' || t === 'timespan';
}

function and3(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return a === BOOL_NULL || b === BOOL_NULL ? BOOL_NULL : 1;
}
function or3(a: number, b: number): number {
  if (a === 1 || b === 1) return 1;
  return a === BOOL_NULL || b === BOOL_NULL ? BOOL_NULL : 0;
}

/** The slow path: the row closure over every row, into a column of the expression's type. */
function rowwise(e: BoundExpr, ctx: EvalContext): VectorEval {
  const row = compileRow(e, ctx);
  const type = e.type;
  return (t) => {
    const b = new ColumnBuilder(type, t.length);
    const cols = t.columns;
    const checkpoint = ctx.checkpoint;
    for (let i = 0; i < t.length; i++) {
      if (checkpoint && (i & 0x3fff) === 0x3fff) checkpoint();
      b.push(row(cols, i));
    }
    return b.finish();
  };
}

/**
 * A predicate that reads one string column against constants (`Name == "x"`, `Name contains "svc"`,
 * `Name in ("a", "b")`): its test, to run once per dictionary entry instead of once per row.
 */
export function dictionaryTest(e: BoundExpr, ctx: EvalContext): { column: number; test: (s: string) => boolean } | undefined {
  switch (e.k) {
    case 'string':
      if (e.left.k !== 'col' || e.left.type !== 'string' || e.right.k !== 'const') return undefined;
      // The constant reads as text the way the row path reads it (a datetime as ISO text, a bag as JSON).
      return { column: e.left.index, test: compileStringPredicate(e.op, textOf(e.right.type)(e.right.value), ctx.dialect) };
    case 'compare': {
      let { left, right, op } = e;
      if (left.k === 'const' && right.k === 'col') {
        [left, right] = [right, left];
        op = FLIP[op];
      }
      if (left.k !== 'col' || right.k !== 'const' || left.type !== 'string' || e.operandType !== 'string') return undefined;
      const { operandType, ignoreCase } = e;
      // A dynamic constant is read as a string first, exactly as the row path does.
      const value = coerceTo(operandType, left.type, right.type).right(right.value);
      return { column: left.index, test: (s) => compareScalar(op, s, value, operandType, ignoreCase) === true };
    }
    case 'in': {
      if (e.left.k !== 'col' || e.left.type !== 'string' || !e.items.every((x) => x.k === 'const')) return undefined;
      const key = membershipKey(e.operandType, e.ignoreCase);
      const set = new Set<string | number | boolean>();
      for (const item of e.items) {
        for (const v of Array.isArray(item.value) ? item.value : [item.value as Value]) if (v !== null) set.add(key(v));
      }
      const negated = e.negated;
      return { column: e.left.index, test: (s) => set.has(key(s)) !== negated };
    }
    default:
      return undefined;
  }
}

/** Applies a string test once per dictionary entry, then maps each row's code. */
function byDictionary(c: StrColumn, test: (s: string) => boolean): Column {
  const verdict = new Uint8Array(c.dict.length);
  for (let k = 0; k < c.dict.length; k++) verdict[k] = test(c.dict[k]!) ? 1 : 0;
  const out = new Uint8Array(c.length);
  const codes = c.codes;
  for (let i = 0; i < c.length; i++) out[i] = verdict[codes[i]!]!;
  return { kind: 'bool', length: c.length, data: out };
}

function compareFast(e: Extract<BoundExpr, { k: 'compare' }>, ctx: EvalContext): VectorEval | undefined {
  let { left, right, op } = e;
  if (left.k === 'const' && right.k === 'col') {
    [left, right] = [right, left];
    op = FLIP[op];
  }
  if (left.k !== 'col' || right.k !== 'const') return undefined;
  const j = left.index;
  const value = right.value;
  if (isNumberType(left.type) && typeof value === 'number' && !Number.isNaN(value)) {
    const test = NUMBER_TESTS[op];
    const onNull = op === '==' ? 0 : op === '!=' ? 1 : BOOL_NULL;
    return (t) => {
      const c = t.columns[j] as NumColumn;
      const out = new Uint8Array(t.length);
      const d = c.data;
      for (let i = 0; i < t.length; i++) out[i] = test(d[i]!, value) ? 1 : 0;
      if (c.nulls !== null) for (let i = 0; i < t.length; i++) if (c.nulls[i] === 1) out[i] = onNull;
      return { kind: 'bool', length: t.length, data: out };
    };
  }
  void ctx;
  return undefined;
}

type Kernel = (x: Float64Array, y: Float64Array, out: Float64Array, n: number) => void;
const ARITH_KERNELS: Record<ArithOp, Kernel> = {
  '+': (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = x[i]! + y[i]!; },
  '-': (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = x[i]! - y[i]!; },
  '*': (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = x[i]! * y[i]!; },
  '/': (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = x[i]! / y[i]!; },
  '%': () => { /* sign and zero rules: done by arithNumbers */ },
};

const FLIP: Record<CompareOp, CompareOp> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const NUMBER_TESTS: Record<CompareOp, (a: number, b: number) => boolean> = {
  '==': (a, b) => a === b, '!=': (a, b) => a !== b, '<': (a, b) => a < b,
  '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b,
};
