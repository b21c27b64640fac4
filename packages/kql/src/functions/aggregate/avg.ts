import type { AggregateFunction, AggregateImpl, ArgInfo } from '../function-types.js';
import type { ScalarType } from '../../types/scalar-type.js';
import { argError, checkPredicate } from './arg-checks.js';
import { addToSum, initSum, mergeSums, sumValue, type SumState } from './compensated-sum.js';
import { onlyWhen } from './only-when.js';

/** Numbers average to real; timespan and datetime keep their type (the official binder agrees). */
function avgType(t: ScalarType): ScalarType | null {
  if (t === 'int' || t === 'long' || t === 'real') return 'real';
  if (t === 'timespan' || t === 'datetime') return t;
  return null;
}

/** Nulls are skipped; an average of nothing is null (the summarize default for "all others"). */
const avgImpl: AggregateImpl<SumState> = {
  init: initSum,
  add: (s, args) => {
    const v = args[0];
    if (typeof v === 'number') addToSum(s, v);
    return s;
  },
  merge: mergeSums,
  result: (s) => (s.n === 0 ? null : sumValue(s) / s.n),
};

function avgReturns(fn: string, args: readonly ArgInfo[]) {
  const t = avgType(args[0]!.type);
  if (t === null) return argError(fn, 0, 'expr', 'a number, timespan or datetime', args[0]!.type);
  return (args.length > 1 ? checkPredicate(fn, args, 1) : null) ?? t;
}

export const AVG: AggregateFunction = {
  name: 'avg',
  doc: 'avg(expr): the average of expr over the group; nulls are skipped.',
  minArgs: 1,
  maxArgs: 1,
  returns: (args) => avgReturns('avg', args),
  create: () => avgImpl as AggregateImpl,
};

export const AVGIF: AggregateFunction = {
  name: 'avgif',
  doc: 'avgif(expr, predicate): the average of expr over the rows where predicate is true.',
  minArgs: 2,
  maxArgs: 2,
  returns: (args) => avgReturns('avgif', args),
  create: () => onlyWhen(avgImpl, 1) as AggregateImpl,
};
