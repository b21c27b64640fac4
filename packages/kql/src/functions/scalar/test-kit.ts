// Only tests import this: calls a scalar function the way the binder and evaluator will.
import type { ScalarType } from '../../types/scalar-type.js';
import type { Value } from '../../values/value.js';
import { parseDatetime } from '../../values/datetime.js';
import type { ArgInfo, Dialect, ScalarFunction, SignatureError } from '../function-types.js';
import { SCALAR_FUNCTIONS } from './index.js';

export type TypedArg = readonly [Value, ScalarType];

export const NOW = Date.UTC(2024, 0, 15, 12, 0, 0);

export function lookup(name: string): ScalarFunction {
  const fn = SCALAR_FUNCTIONS.find((f) => f.name === name);
  if (!fn) throw new Error(`no function ${name}`);
  return fn;
}

function infos(args: readonly TypedArg[]): ArgInfo[] {
  return args.map(([value, type]) => ({ type, constant: { value } }));
}

/** The result type, or the refusal, for arguments of these types. */
export function typeOf(name: string, ...types: ScalarType[]): ScalarType | SignatureError {
  return lookup(name).returns(types.map((type) => ({ type })), 'kusto');
}

/** Calls with typed values (all treated as constants); throws if the binder would refuse them. */
export function call(name: string, args: readonly TypedArg[], dialect: Dialect = 'kusto'): Value {
  const fn = lookup(name);
  const info = infos(args);
  const t = fn.returns(info, dialect);
  if (typeof t !== 'string') throw new Error(t.error);
  return fn.compile(info, dialect)(args.map(([v]) => v), { now: NOW, dialect });
}

export const s = (v: string): TypedArg => [v, 'string'];
export const l = (v: number | null): TypedArg => [v, 'long'];
export const i = (v: number | null): TypedArg => [v, 'int'];
export const r = (v: number | null): TypedArg => [v, 'real'];
export const b = (v: boolean | null): TypedArg => [v, 'bool'];
export const dt = (text: string | null): TypedArg => [text === null ? null : parseDatetime(text), 'datetime'];
export const ts = (ms: number | null): TypedArg => [ms, 'timespan'];
export const dyn = (v: Value): TypedArg => [v, 'dynamic'];
