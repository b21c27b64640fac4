import type { AggregateFunction, AggregateImpl, AggregateOutput, ArgInfo, SignatureError } from '../function-types.js';
import type { ScalarType } from '../../types/scalar-type.js';
import type { Value } from '../../values/value.js';
import { argError, checkSummable } from './arg-checks.js';
import { decodeNumber, encodeNumber } from './state-codec.js';

/**
 * Exact nearest-rank percentiles, the definition CMPivot documents ("nearest-rank percentile");
 * Kusto estimates the same quantity with T-Digest. For N sorted values the P-th percentile is the
 * value at 1-based rank ceil(P/100 × N), and the smallest value for P = 0. States collect every
 * non-null value (NaN is skipped: it has no rank), so merging is concatenation and exact.
 * The result has the input's type, except int gives long (as the official binder types it).
 * Both functions declare `outputs`, so result() is always an array, one value per percentile.
 */
interface PercentileState { v: (number | string)[] }

export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  const rank = Math.ceil((p / 100) * n);
  return sorted[Math.min(Math.max(rank, 1), n) - 1]!;
}

function percentileImpl(ps: readonly number[]): AggregateImpl<PercentileState> {
  return {
    init: () => ({ v: [] }),
    add: (s, args) => {
      const v = args[0];
      if (typeof v === 'number' && v === v) s.v.push(encodeNumber(v));
      return s;
    },
    merge: (a, b) => {
      for (const x of b.v) a.v.push(x);
      return a;
    },
    result: (s) => {
      if (s.v.length === 0) return ps.map(() => null);
      // A typed array sorts numerically without a comparator, several times faster.
      const sorted = new Float64Array(s.v.length);
      for (let i = 0; i < s.v.length; i++) sorted[i] = decodeNumber(s.v[i]!);
      sorted.sort();
      return ps.map((p) => nearestRank(sorted, p));
    },
  };
}

function resultType(t: ScalarType): ScalarType {
  return t === 'int' ? 'long' : t;
}

function checkPercentileArg(fn: string, args: readonly ArgInfo[], i: number): SignatureError | null {
  const a = args[i]!;
  if (a.type !== 'int' && a.type !== 'long' && a.type !== 'real') return argError(fn, i, 'percentile', 'a number', a.type);
  const v = a.constant?.value;
  if (typeof v !== 'number') return { error: `${fn}(): argument ${i + 1} (percentile) must be a constant`, argIndex: i };
  if (!(v >= 0 && v <= 100)) return { error: `${fn}(): argument ${i + 1} (percentile) must be between 0 and 100`, argIndex: i };
  return null;
}

function percentileReturns(fn: string, args: readonly ArgInfo[]) {
  const bad = checkSummable(fn, args, 0);
  if (bad) return bad;
  for (let i = 1; i < args.length; i++) {
    const e = checkPercentileArg(fn, args, i);
    if (e) return e;
  }
  return resultType(args[0]!.type);
}

function percentilesOf(args: readonly ArgInfo[]): number[] {
  return args.slice(1).map((a) => a.constant?.value as number);
}

/** `percentile_x_50`, `percentile_x_99_9`; an unnamed expression gives `percentile__50`. */
export function percentileColumnName(column: string | undefined, p: Value): string {
  return `percentile_${column ?? ''}_${String(p).replace('.', '_')}`;
}

function percentileOutputs(args: readonly ArgInfo[], argNames: readonly (string | undefined)[]): AggregateOutput[] {
  const type = resultType(args[0]!.type);
  return args.slice(1).map((a) => ({ name: percentileColumnName(argNames[0], a.constant?.value ?? null), type }));
}

export const PERCENTILE: AggregateFunction = {
  name: 'percentile',
  doc: 'percentile(expr, p): the nearest-rank p-th percentile of expr (0 ≤ p ≤ 100).',
  minArgs: 2,
  maxArgs: 2,
  returns: (args) => percentileReturns('percentile', args),
  create: (args) => percentileImpl(percentilesOf(args)) as AggregateImpl,
  outputs: percentileOutputs,
};

export const PERCENTILES: AggregateFunction = {
  name: 'percentiles',
  doc: 'percentiles(expr, p1, p2, …): several nearest-rank percentiles of expr, one column each.',
  minArgs: 2,
  maxArgs: 32768,
  returns: (args) => percentileReturns('percentiles', args),
  create: (args) => percentileImpl(percentilesOf(args)) as AggregateImpl,
  outputs: percentileOutputs,
};
