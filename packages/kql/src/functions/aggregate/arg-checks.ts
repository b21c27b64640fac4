import type { ArgInfo, SignatureError } from '../function-types.js';
import type { ScalarType } from '../../types/scalar-type.js';
import type { Value } from '../../values/value.js';

/** Kusto's "summable" types: what sum/avg/stdev/variance/percentile accept. */
export function isSummable(t: ScalarType): boolean {
  return t === 'int' || t === 'long' || t === 'real' || t === 'datetime' || t === 'timespan';
}

/** Kusto's "orderable" types: what min/max/arg_min/arg_max accept (not guid, not dynamic). */
export function isOrderable(t: ScalarType): boolean {
  return isSummable(t) || t === 'string' || t === 'bool';
}

/** A refusal that names the function, the parameter and the type it got. */
export function argError(fn: string, index: number, param: string, expected: string, got: ScalarType): SignatureError {
  return { error: `${fn}(): argument ${index + 1} (${param}) must be ${expected}, but it is ${got}`, argIndex: index };
}

export function checkSummable(fn: string, args: readonly ArgInfo[], index: number, param = 'expr'): SignatureError | null {
  const t = args[index]!.type;
  return isSummable(t) ? null : argError(fn, index, param, 'a number, timespan or datetime', t);
}

export function checkOrderable(fn: string, args: readonly ArgInfo[], index: number, param = 'expr'): SignatureError | null {
  const t = args[index]!.type;
  return isOrderable(t) ? null : argError(fn, index, param, 'a number, timespan, datetime, string or bool', t);
}

export function checkPredicate(fn: string, args: readonly ArgInfo[], index: number): SignatureError | null {
  const t = args[index]!.type;
  return t === 'bool' ? null : argError(fn, index, 'predicate', 'a bool', t);
}

/** An optional numeric argument (dcount's accuracy): any number type, constant or not. */
export function checkNumericOption(fn: string, args: readonly ArgInfo[], index: number, param: string): SignatureError | null {
  if (index >= args.length) return null;
  const t = args[index]!.type;
  return t === 'int' || t === 'long' || t === 'real' ? null : argError(fn, index, param, 'a number', t);
}

/** The maximum-size argument of make_list/make_set: an integer constant. */
export function checkSizeOption(fn: string, args: readonly ArgInfo[], index: number): SignatureError | null {
  if (index >= args.length) return null;
  const a = args[index]!;
  if (a.type !== 'int' && a.type !== 'long') return argError(fn, index, 'maxSize', 'an integer', a.type);
  if (a.constant === undefined) return { error: `${fn}(): argument ${index + 1} (maxSize) must be a constant`, argIndex: index };
  return null;
}

/** Kusto's default and maximum for make_list/make_set. */
export const MAX_LIST_SIZE = 1_048_576;

/** The effective maximum size: the constant when given and positive, clamped to Kusto's ceiling. */
export function sizeOption(args: readonly ArgInfo[], index: number): number {
  const v = args[index]?.constant?.value;
  if (typeof v !== 'number' || !(v > 0)) return MAX_LIST_SIZE;
  return Math.min(Math.floor(v), MAX_LIST_SIZE);
}

/** Predicates count only when true: null (and false) leave the row out. */
export function isTrue(v: Value): boolean {
  return v === true;
}
