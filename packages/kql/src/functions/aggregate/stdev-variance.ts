import type { AggregateFunction, AggregateImpl, ArgInfo } from '../function-types.js';
import type { ScalarType } from '../../types/scalar-type.js';
import { TICKS_PER_MS } from '../../values/value.js';
import { checkPredicate, checkSummable } from './arg-checks.js';
import { onlyWhen } from './only-when.js';

/**
 * Sample statistics (divisor n − 1), from Welford's running mean `m` and sum of squared deviations
 * `q`; partials combine with Chan's pairwise formula, which is exact in real arithmetic. `bad` is
 * set once a NaN or infinite value is seen (the result is then NaN), since JSON cannot carry them.
 * Nothing to aggregate, or a single value, gives 0 (the summarize documentation's default).
 * Timespans and datetimes are measured in ticks (100 ns), Kusto's unit for them as numbers; the
 * state works in ms (exact for datetimes) and scales only the result.
 */
interface MomentState { n: number; m: number; q: number; bad: boolean }

function momentImpl(scale: number, sqrt: boolean): AggregateImpl<MomentState> {
  return {
    init: () => ({ n: 0, m: 0, q: 0, bad: false }),
    add: (s, args) => {
      const x = args[0];
      if (typeof x !== 'number') return s;
      if (x - x !== 0) { s.bad = true; return s; }
      s.n++;
      const d = x - s.m;
      s.m += d / s.n;
      s.q += d * (x - s.m);
      return s;
    },
    merge: (a, b) => {
      a.bad = a.bad || b.bad;
      if (b.n === 0) return a;
      if (a.n === 0) { a.n = b.n; a.m = b.m; a.q = b.q; return a; }
      const n = a.n + b.n;
      const d = b.m - a.m;
      a.m += d * (b.n / n);
      a.q += b.q + d * d * ((a.n * b.n) / n);
      a.n = n;
      return a;
    },
    result: (s) => {
      if (s.bad) return NaN;
      if (s.n < 2) return 0;
      const variance = Math.max(0, s.q) / (s.n - 1);
      return sqrt ? Math.sqrt(variance) * scale : variance * scale * scale;
    },
  };
}

function scaleOf(t: ScalarType): number {
  return t === 'timespan' || t === 'datetime' ? TICKS_PER_MS : 1;
}

function moment(name: string, sqrt: boolean, conditional: boolean, doc: string): AggregateFunction {
  return {
    name,
    doc,
    minArgs: conditional ? 2 : 1,
    maxArgs: conditional ? 2 : 1,
    returns: (args: readonly ArgInfo[]) =>
      checkSummable(name, args, 0) ?? (conditional ? checkPredicate(name, args, 1) : null) ?? 'real',
    create: (args) => {
      const impl = momentImpl(scaleOf(args[0]!.type), sqrt);
      return (conditional ? onlyWhen(impl, 1) : impl) as AggregateImpl;
    },
  };
}

export const STDEV = moment('stdev', true, false, 'stdev(expr): the sample standard deviation of expr over the group.');
export const STDEVIF = moment('stdevif', true, true, 'stdevif(expr, predicate): the sample standard deviation over the rows where predicate is true.');
export const VARIANCE = moment('variance', false, false, 'variance(expr): the sample variance of expr over the group.');
export const VARIANCEIF = moment('varianceif', false, true, 'varianceif(expr, predicate): the sample variance over the rows where predicate is true.');
