import type { AggregateFunction, AggregateImpl, ArgInfo } from '../function-types.js';
import type { ScalarType } from '../../types/scalar-type.js';
import type { Value } from '../../values/value.js';
import { checkPredicate, checkSizeOption, sizeOption } from './arg-checks.js';
import { addKey, distinctKey, newKeySet, type KeySet } from './distinct-key.js';
import { onlyWhen } from './only-when.js';
import { decodeValue, encodeValue, type Encoded } from './state-codec.js';

interface SetState { keys: KeySet; v: Encoded[] }

/**
 * A dynamic array of the distinct non-null values, in first-seen order, at most `max` of them.
 * A dynamic array value contributes its elements (the documentation's "set from array column"
 * example), and nulls inside it are skipped. Distinctness is by distinctKey: ordinal for strings,
 * JSON text for dynamic values.
 */
function setImpl(type: ScalarType, max: number): AggregateImpl<SetState> {
  const put = (s: SetState, v: Value) => {
    if (s.v.length < max && addKey(s.keys, distinctKey(v, type))) s.v.push(encodeValue(v, type));
  };
  return {
    init: () => ({ keys: newKeySet(), v: [] }),
    add: (s, args) => {
      const v = args[0]!;
      if (v === null) return s;
      if (type === 'dynamic' && Array.isArray(v)) {
        for (const e of v) if (e !== null) put(s, e);
      } else {
        put(s, v);
      }
      return s;
    },
    merge: (a, b) => {
      for (const x of b.v) put(a, decodeValue(x, type));
      return a;
    },
    result: (s) => s.v.map((x) => decodeValue(x, type)),
  };
}

function setReturns(fn: string, args: readonly ArgInfo[], predIndex: number | null) {
  const sizeIndex = predIndex === null ? 1 : 2;
  return (predIndex !== null ? checkPredicate(fn, args, predIndex) : null) ?? checkSizeOption(fn, args, sizeIndex) ?? 'dynamic';
}

export const MAKE_SET: AggregateFunction = {
  name: 'make_set',
  doc: 'make_set(expr [, maxSize]): a dynamic array of the distinct values of expr in the group.',
  minArgs: 1,
  maxArgs: 2,
  returns: (args) => setReturns('make_set', args, null),
  create: (args) => setImpl(args[0]!.type, sizeOption(args, 1)) as AggregateImpl,
  namePrefix: 'set',
};

export const MAKE_SET_IF: AggregateFunction = {
  name: 'make_set_if',
  doc: 'make_set_if(expr, predicate [, maxSize]): distinct values of expr over the rows where predicate is true.',
  minArgs: 2,
  maxArgs: 3,
  returns: (args) => setReturns('make_set_if', args, 1),
  create: (args) => onlyWhen(setImpl(args[0]!.type, sizeOption(args, 2)), 1) as AggregateImpl,
  namePrefix: 'set',
};
