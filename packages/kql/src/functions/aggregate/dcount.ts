import type { AggregateFunction, AggregateImpl, ArgInfo } from '../function-types.js';
import type { ScalarType } from '../../types/scalar-type.js';
import { checkNumericOption, checkPredicate } from './arg-checks.js';
import { addKey, distinctKey, newKeySet, type KeySet } from './distinct-key.js';
import { onlyWhen } from './only-when.js';

/**
 * Exact distinct count of the non-null values (Kusto estimates with HyperLogLog; exact is always
 * within its error bound). The accuracy argument is accepted and ignored. Strings count
 * case-sensitively and "" counts as a value, since Kusto strings are never null.
 */
function dcountImpl(type: ScalarType): AggregateImpl<KeySet> {
  return {
    init: newKeySet,
    add: (s, args) => {
      const v = args[0]!;
      if (v !== null) addKey(s, distinctKey(v, type));
      return s;
    },
    merge: (a, b) => {
      for (const key in b.k) addKey(a, key);
      return a;
    },
    result: (s) => s.n,
  };
}

function dcountReturns(fn: string, args: readonly ArgInfo[], predIndex: number | null, accuracyIndex: number | null) {
  const bad = (predIndex !== null ? checkPredicate(fn, args, predIndex) : null)
    ?? (accuracyIndex !== null ? checkNumericOption(fn, args, accuracyIndex, 'accuracy') : null);
  return bad ?? 'long';
}

export const DCOUNT: AggregateFunction = {
  name: 'dcount',
  doc: 'dcount(expr [, accuracy]): the number of distinct non-null values of expr (exact here).',
  minArgs: 1,
  maxArgs: 2,
  returns: (args) => dcountReturns('dcount', args, null, 1),
  create: (args) => dcountImpl(args[0]!.type) as AggregateImpl,
};

export const DCOUNTIF: AggregateFunction = {
  name: 'dcountif',
  doc: 'dcountif(expr, predicate [, accuracy]): distinct values of expr over the rows where predicate is true.',
  minArgs: 2,
  maxArgs: 3,
  returns: (args) => dcountReturns('dcountif', args, 1, 2),
  create: (args) => onlyWhen(dcountImpl(args[0]!.type), 1) as AggregateImpl,
};

export const COUNT_DISTINCT: AggregateFunction = {
  name: 'count_distinct',
  doc: 'count_distinct(expr): the exact number of distinct non-null values of expr.',
  minArgs: 1,
  maxArgs: 1,
  returns: (args) => dcountReturns('count_distinct', args, null, null),
  create: (args) => dcountImpl(args[0]!.type) as AggregateImpl,
};

export const COUNT_DISTINCTIF: AggregateFunction = {
  name: 'count_distinctif',
  doc: 'count_distinctif(expr, predicate): distinct values of expr over the rows where predicate is true.',
  minArgs: 2,
  maxArgs: 2,
  returns: (args) => dcountReturns('count_distinctif', args, 1, null),
  create: (args) => onlyWhen(dcountImpl(args[0]!.type), 1) as AggregateImpl,
};
