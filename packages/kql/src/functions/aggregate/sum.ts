import type { AggregateFunction, AggregateImpl, ArgInfo } from '../function-types.js';
import type { ScalarType } from '../../types/scalar-type.js';
import { checkPredicate, checkSummable } from './arg-checks.js';
import { addToSum, initSum, mergeSums, sumValue, type SumState } from './compensated-sum.js';
import { onlyWhen } from './only-when.js';

/** int and long sum to long; real, timespan and datetime keep their type. */
export function sumType(t: ScalarType): ScalarType {
  return t === 'int' ? 'long' : t;
}

/**
 * Nulls are skipped. With nothing to add the sum is 0 (the summarize documentation's default for
 * sum/sumif), except for datetime, whose "0" would be a made-up instant: there it is null.
 * Datetimes are summed as ms since the Unix epoch (Kusto sums ticks since year 1; the sum of
 * datetimes has no meaning either way).
 */
function sumImpl(type: ScalarType): AggregateImpl<SumState> {
  const empty = type === 'datetime' ? null : 0;
  return {
    init: initSum,
    add: (s, args) => {
      const v = args[0];
      if (typeof v === 'number') addToSum(s, v);
      return s;
    },
    merge: mergeSums,
    result: (s) => (s.n === 0 ? empty : sumValue(s)),
  };
}

function sumReturns(fn: string, args: readonly ArgInfo[]) {
  const bad = checkSummable(fn, args, 0) ?? (args.length > 1 ? checkPredicate(fn, args, 1) : null);
  return bad ?? sumType(args[0]!.type);
}

export const SUM: AggregateFunction = {
  name: 'sum',
  doc: 'sum(expr): the sum of expr over the group; nulls are skipped.',
  minArgs: 1,
  maxArgs: 1,
  returns: (args) => sumReturns('sum', args),
  create: (args) => sumImpl(args[0]!.type) as AggregateImpl,
};

export const SUMIF: AggregateFunction = {
  name: 'sumif',
  doc: 'sumif(expr, predicate): the sum of expr over the rows where predicate is true.',
  minArgs: 2,
  maxArgs: 2,
  returns: (args) => sumReturns('sumif', args),
  create: (args) => onlyWhen(sumImpl(args[0]!.type), 1) as AggregateImpl,
};
