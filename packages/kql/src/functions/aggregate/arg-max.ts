import type { AggregateFunction, AggregateImpl, AggregateOutput, ArgInfo } from '../function-types.js';
import type { ScalarType } from '../../types/scalar-type.js';
import type { Value } from '../../values/value.js';
import { compareValues } from '../../values/compare.js';
import { checkOrderable } from './arg-checks.js';
import { compareRows, decodeValue, emptyValue, encodeValue, type Encoded } from './state-codec.js';

/**
 * `k` is true once the kept row has a non-null key; `r` is that row's arguments, encoded.
 * Rows whose key is null (or NaN) are ignored unless every row's key is null, in which case one
 * of them is kept (as the documentation says). Ties — equal keys, or two null-key rows — go to
 * the row that is smallest by totalCompare over all its values, so the winner never depends on
 * row order or on how the rows were split across devices.
 */
interface ArgExtremeState { k: boolean; r: Encoded[] | null }

function argExtremeImpl(sign: 1 | -1, types: readonly ScalarType[]): AggregateImpl<ArgExtremeState> {
  const keyType = types[0]!;
  const decode = (r: readonly Encoded[]) => r.map((x, i) => decodeValue(x, types[i]!));
  const encode = (r: readonly Value[]) => r.map((x, i) => encodeValue(x, types[i]!));
  const hasKey = (v: Value) => v !== null && !(typeof v === 'number' && v !== v);

  /** Whether candidate row `row` (decoded) beats the kept one. */
  const beats = (s: ArgExtremeState, row: readonly Value[], rowHasKey: boolean): boolean => {
    if (s.r === null) return true;
    if (rowHasKey !== s.k) return rowHasKey;
    const kept = decode(s.r);
    if (rowHasKey) {
      const c = compareValues(row[0]!, kept[0]!, keyType) * sign;
      if (c !== 0) return c > 0;
    }
    return compareRows(row, kept, types) < 0;
  };

  return {
    init: () => ({ k: false, r: null }),
    add: (s, args) => {
      const key = args[0]!;
      const rowHasKey = hasKey(key);
      // Fast rejections without decoding: a keyless row once a keyed one is kept, or a worse key.
      if (s.r !== null && s.k && !rowHasKey) return s;
      if (s.r !== null && s.k && rowHasKey) {
        const c = compareValues(key, decodeValue(s.r[0]!, keyType), keyType) * sign;
        if (c < 0) return s;
      }
      if (beats(s, args, rowHasKey)) { s.r = encode(args); s.k = rowHasKey; }
      return s;
    },
    merge: (a, b) => {
      if (b.r !== null) {
        const row = decode(b.r);
        if (beats(a, row, b.k)) { a.r = b.r; a.k = b.k; }
      }
      return a;
    },
    result: (s) => (s.r === null ? types.map(emptyValue) : decode(s.r)),
  };
}

/**
 * Columns as the official binder names them: a plain column keeps its name; an expression as the
 * first argument is `max_` / `min_`; an expression at position i ≥ 1 is `max_<first>_arg<i>`.
 */
function argExtremeOutputs(prefix: string) {
  return (args: readonly ArgInfo[], argNames: readonly (string | undefined)[]): AggregateOutput[] =>
    args.map((a, i) => ({
      name: argNames[i] ?? (i === 0 ? `${prefix}_` : `${prefix}_${argNames[0] ?? ''}_arg${i}`),
      type: a.type,
    }));
}

function argExtreme(name: string, sign: 1 | -1, prefix: string, doc: string): AggregateFunction {
  return {
    name,
    doc,
    minArgs: 1,
    maxArgs: Infinity,
    returns: (args) => checkOrderable(name, args, 0) ?? args[0]!.type,
    create: (args) => argExtremeImpl(sign, args.map((a) => a.type)) as AggregateImpl,
    outputs: argExtremeOutputs(prefix),
    acceptsStar: true,
  };
}

export const ARG_MAX = argExtreme('arg_max', 1, 'max',
  'arg_max(expr, col1, …) or arg_max(expr, *): the values of a row where expr is largest.');
export const ARG_MIN = argExtreme('arg_min', -1, 'min',
  'arg_min(expr, col1, …) or arg_min(expr, *): the values of a row where expr is smallest.');
