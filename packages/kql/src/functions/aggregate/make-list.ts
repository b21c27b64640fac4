import type { AggregateFunction, AggregateImpl, ArgInfo } from '../function-types.js';
import type { ScalarType } from '../../types/scalar-type.js';
import { checkPredicate, checkSizeOption, sizeOption } from './arg-checks.js';
import { onlyWhen } from './only-when.js';
import { decodeValue, encodeValue, type Encoded } from './state-codec.js';

interface ListState { v: Encoded[] }

/**
 * A dynamic array of the non-null values in arrival order, at most `max` of them (Kusto's default
 * and ceiling is 1,048,576). Dynamic arrays are kept as elements, not flattened (make_set
 * flattens; make_list does not). Merging appends b after a, so merging partials in input order
 * gives the single-pass list.
 */
function listImpl(type: ScalarType, max: number): AggregateImpl<ListState> {
  return {
    init: () => ({ v: [] }),
    add: (s, args) => {
      const v = args[0]!;
      if (v !== null && s.v.length < max) s.v.push(encodeValue(v, type));
      return s;
    },
    merge: (a, b) => {
      for (let i = 0; i < b.v.length && a.v.length < max; i++) a.v.push(b.v[i]!);
      return a;
    },
    result: (s) => s.v.map((x) => decodeValue(x, type)),
  };
}

function listReturns(fn: string, args: readonly ArgInfo[], predIndex: number | null) {
  const sizeIndex = predIndex === null ? 1 : 2;
  return (predIndex !== null ? checkPredicate(fn, args, predIndex) : null) ?? checkSizeOption(fn, args, sizeIndex) ?? 'dynamic';
}

export const MAKE_LIST: AggregateFunction = {
  name: 'make_list',
  doc: 'make_list(expr [, maxSize]): a dynamic array of the values of expr in the group.',
  minArgs: 1,
  maxArgs: 2,
  returns: (args) => listReturns('make_list', args, null),
  create: (args) => listImpl(args[0]!.type, sizeOption(args, 1)) as AggregateImpl,
  namePrefix: 'list',
};

export const MAKE_LIST_IF: AggregateFunction = {
  name: 'make_list_if',
  doc: 'make_list_if(expr, predicate [, maxSize]): a dynamic array of expr over the rows where predicate is true.',
  minArgs: 2,
  maxArgs: 3,
  returns: (args) => listReturns('make_list_if', args, 1),
  create: (args) => onlyWhen(listImpl(args[0]!.type, sizeOption(args, 2)), 1) as AggregateImpl,
  namePrefix: 'list',
};
