import type { AggregateFunction, AggregateImpl, ArgInfo } from '../function-types.js';
import { isNumberBacked, type ScalarType } from '../../types/scalar-type.js';
import type { Value } from '../../values/value.js';
import { compareValues } from '../../values/compare.js';
import { checkOrderable, checkPredicate } from './arg-checks.js';
import { onlyWhen } from './only-when.js';
import { decodeNumber, emptyValue, encodeNumber } from './state-codec.js';

interface ExtremeState { v: Value }

/**
 * Nulls are skipped, and so is NaN: it compares equal to everything, so keeping it would make the
 * answer depend on row order. Strings compare ordinally in both dialects (Kusto's min/max are
 * case-sensitive). An empty group gives null ("" for strings).
 */
function numberExtreme(sign: 1 | -1): AggregateImpl<ExtremeState> {
  // Two hand-written folds rather than one comparing through `sign`: this is a hot loop.
  const fold = sign === 1
    ? (s: ExtremeState, v: number) => {
      const cur = s.v;
      if (cur === null || v > (typeof cur === 'number' ? cur : Number(cur))) s.v = encodeNumber(v);
    }
    : (s: ExtremeState, v: number) => {
      const cur = s.v;
      if (cur === null || v < (typeof cur === 'number' ? cur : Number(cur))) s.v = encodeNumber(v);
    };
  return {
    init: () => ({ v: null }),
    add: (s, args) => {
      const v = args[0];
      if (typeof v === 'number' && v === v) fold(s, v);
      return s;
    },
    merge: (a, b) => {
      if (b.v !== null) fold(a, decodeNumber(b.v as number | string));
      return a;
    },
    result: (s) => (s.v === null ? null : decodeNumber(s.v as number | string)),
  };
}

function valueExtreme(sign: 1 | -1, type: ScalarType): AggregateImpl<ExtremeState> {
  const fold = (s: ExtremeState, v: Value) => {
    if (s.v === null || compareValues(v, s.v, type) * sign > 0) s.v = v;
  };
  return {
    init: () => ({ v: null }),
    add: (s, args) => {
      const v = args[0]!;
      if (v !== null) fold(s, v);
      return s;
    },
    merge: (a, b) => {
      if (b.v !== null) fold(a, b.v);
      return a;
    },
    result: (s) => (s.v === null ? emptyValue(type) : s.v),
  };
}

function extremeImpl(sign: 1 | -1, type: ScalarType): AggregateImpl<ExtremeState> {
  return isNumberBacked(type) ? numberExtreme(sign) : valueExtreme(sign, type);
}

function extremeReturns(fn: string, args: readonly ArgInfo[]) {
  return checkOrderable(fn, args, 0) ?? (args.length > 1 ? checkPredicate(fn, args, 1) : null) ?? args[0]!.type;
}

function extreme(name: string, sign: 1 | -1, conditional: boolean, doc: string): AggregateFunction {
  return {
    name,
    doc,
    minArgs: conditional ? 2 : 1,
    maxArgs: conditional ? 2 : 1,
    returns: (args) => extremeReturns(name, args),
    create: (args) => {
      const impl = extremeImpl(sign, args[0]!.type);
      return (conditional ? onlyWhen(impl, 1) : impl) as AggregateImpl;
    },
  };
}

export const MIN = extreme('min', -1, false, 'min(expr): the smallest value of expr in the group; nulls are skipped.');
export const MAX = extreme('max', 1, false, 'max(expr): the largest value of expr in the group; nulls are skipped.');
export const MINIF = extreme('minif', -1, true, 'minif(expr, predicate): the smallest expr over the rows where predicate is true.');
export const MAXIF = extreme('maxif', 1, true, 'maxif(expr, predicate): the largest expr over the rows where predicate is true.');
