import type { AggregateFunction, AggregateImpl, AggregateOutput, ArgInfo } from '../function-types.js';
import type { ScalarType } from '../../types/scalar-type.js';
import type { Value } from '../../values/value.js';
import { checkPredicate } from './arg-checks.js';
import { decodeValue, emptyValue, encodeValue, type Encoded } from './state-codec.js';

/**
 * Kusto picks an arbitrary row; this picks deterministically:
 * - one argument: the first value that is neither null nor "" (the documentation says a single
 *   column "attempts to return a non-null/non-empty value"), else the first value seen;
 * - several arguments: the values of the first row seen, all from that one row.
 * Merge keeps a's pick unless only b has a non-empty one, so merging partials in input order
 * gives the single-pass answer.
 */
interface AnyState { g: boolean; r: Encoded[] | null }

const isGood = (v: Value) => v !== null && v !== '';

function anyImpl(types: readonly ScalarType[]): AggregateImpl<AnyState> {
  const single = types.length === 1;
  return {
    init: () => ({ g: false, r: null }),
    add: (s, args) => {
      if (s.g) return s;
      if (single) {
        const v = args[0]!;
        if (isGood(v)) { s.r = [encodeValue(v, types[0]!)]; s.g = true; }
        else if (s.r === null) s.r = [encodeValue(v, types[0]!)];
      } else {
        s.r = types.map((t, i) => encodeValue(args[i]!, t));
        s.g = true;
      }
      return s;
    },
    merge: (a, b) => {
      if (!a.g && b.r !== null && (b.g || a.r === null)) { a.r = b.r; a.g = b.g; }
      return a;
    },
    result: (s) => (s.r === null ? types.map(emptyValue) : s.r.map((x, i) => decodeValue(x, types[i]!))),
  };
}

/** take_any(x) → `x`; an expression at position i → `any_arg<i>`. */
function takeAnyOutputs(args: readonly ArgInfo[], argNames: readonly (string | undefined)[]): AggregateOutput[] {
  return args.map((a, i) => ({ name: argNames[i] ?? `any_arg${i}`, type: a.type }));
}

/** The deprecated any(x) prefixes every column: `any_x`, and `any_` for an expression. */
function anyOutputs(args: readonly ArgInfo[], argNames: readonly (string | undefined)[]): AggregateOutput[] {
  return args.map((a, i) => ({ name: `any_${argNames[i] ?? ''}`, type: a.type }));
}

/** take_anyif(x, p) → `x`; for an expression the official binder gives `Column1`: '' asks for that. */
function takeAnyIfOutputs(args: readonly ArgInfo[], argNames: readonly (string | undefined)[]): AggregateOutput[] {
  return [{ name: argNames[0] ?? '', type: args[0]!.type }];
}

function anyIfImpl(type: ScalarType): AggregateImpl<AnyState> {
  const inner = anyImpl([type]);
  return { ...inner, add: (s, args) => (args[1] === true ? inner.add(s, args) : s) };
}

function multi(name: string, doc: string, outputs: AggregateFunction['outputs']): AggregateFunction {
  return {
    name,
    doc,
    minArgs: 1,
    maxArgs: Infinity,
    returns: (args) => args[0]!.type,
    create: (args) => anyImpl(args.map((a) => a.type)) as AggregateImpl,
    outputs,
    acceptsStar: true,
  };
}

export const TAKE_ANY = multi('take_any', 'take_any(expr, …) or take_any(*): the values of one arbitrary row.', takeAnyOutputs);
export const ANY = multi('any', 'any(expr, …): deprecated alias of take_any; columns are prefixed any_.', anyOutputs);

export const TAKE_ANYIF: AggregateFunction = {
  name: 'take_anyif',
  doc: 'take_anyif(expr, predicate): one arbitrary non-empty value of expr over the rows where predicate is true.',
  minArgs: 2,
  maxArgs: 2,
  returns: (args) => checkPredicate('take_anyif', args, 1) ?? args[0]!.type,
  create: (args) => anyIfImpl(args[0]!.type) as AggregateImpl,
  outputs: takeAnyIfOutputs,
};

/** anyif(x, p) is named like an ordinary aggregate: `anyif_x`; it yields a single value. */
export const ANYIF: AggregateFunction = {
  name: 'anyif',
  doc: 'anyif(expr, predicate): deprecated alias of take_anyif; the column is named anyif_<expr>.',
  minArgs: 2,
  maxArgs: 2,
  returns: (args) => checkPredicate('anyif', args, 1) ?? args[0]!.type,
  create: (args) => {
    const inner = anyIfImpl(args[0]!.type);
    return { ...inner, result: (s: AnyState) => (inner.result(s) as Value[])[0]! } as AggregateImpl;
  },
};
