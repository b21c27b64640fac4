import type { ScalarType } from '../../types/scalar-type.js';
import { isNumeric } from '../../types/scalar-type.js';
import type { Value } from '../../values/value.js';
import { valueToString } from '../../values/to-string.js';
import type { ArgInfo, ArgRule, Dialect, RowFunction, ScalarFunction, SignatureError } from '../function-types.js';

/**
 * What a parameter accepts, after Kusto's own parameter kinds: `scalar` takes anything, `integer`
 * int or long, `number` int, long or real, `long` an integer (int widens), `real` any number,
 * `notDynamic` any non-dynamic scalar. `string` also takes a dynamic value, as Kusto's binder
 * does; `define` converts it to text before the function sees it. `text` (Kusto's StringOrDynamic)
 * passes a dynamic value through unchanged for the function to handle. `strictString` is Kusto's plain
 * String kind: the regex and text of trim/extract/replace, split's delimiter, pack's keys… refuse dynamic.
 */
export type ParamKind =
  | 'scalar' | 'string' | 'strictString' | 'text' | 'integer' | 'long' | 'number' | 'real'
  | 'datetime' | 'timespan' | 'bool' | 'dynamic' | 'notDynamic';

const DESCRIBE: Readonly<Record<ParamKind, string>> = {
  scalar: 'a scalar', string: 'a string', strictString: 'a string', text: 'a string or dynamic', integer: 'an int or long',
  long: 'an int or long', number: 'a number', real: 'a number', datetime: 'a datetime',
  timespan: 'a timespan', bool: 'a bool', dynamic: 'a dynamic', notDynamic: 'a non-dynamic scalar',
};

export function accepts(kind: ParamKind, t: ScalarType): boolean {
  switch (kind) {
    case 'scalar': return true;
    case 'string': case 'text': return t === 'string' || t === 'dynamic';
    case 'strictString': return t === 'string';
    case 'integer': case 'long': return t === 'int' || t === 'long';
    case 'number': case 'real': return isNumeric(t);
    case 'notDynamic': return t !== 'dynamic';
    default: return t === kind;
  }
}

export function argError(name: string, index: number, kind: ParamKind, t: ScalarType): SignatureError {
  return { error: `${name}(): argument ${index + 1} must be ${DESCRIBE[kind]}, not ${t}`, argIndex: index };
}

/** Checks each argument against its kind; `kinds` shorter than `args` repeats its last entry. */
export function checkArgs(name: string, args: readonly ArgInfo[], kinds: readonly ParamKind[]): SignatureError | undefined {
  for (let i = 0; i < args.length; i++) {
    const kind = kinds[Math.min(i, kinds.length - 1)]!;
    if (!accepts(kind, args[i]!.type)) return argError(name, i, kind, args[i]!.type);
  }
  return undefined;
}

/** A parameter with requirements beyond its kind: `constant('strictString')`, `literal('string')`. */
export interface ParamSpec extends ArgRule {
  readonly kind: ParamKind;
}

export type Param = ParamKind | ParamSpec;

/** A parameter whose argument must read no column (Kusto's KS129), such as a regex. */
export function constant(kind: ParamKind): ParamSpec {
  return { kind, form: 'constant' };
}

/** A parameter whose argument must be a string literal as written (Kusto's KS131), such as a part name. */
export function literal(kind: ParamKind): ParamSpec {
  return { kind, form: 'literal' };
}

/** A dynamic parameter that refuses a value known to be of another shape (Kusto's KS234, KS235). */
export function shaped(shape: 'array' | 'bag'): ParamSpec {
  return { kind: 'dynamic', shape };
}

function kindOf(p: Param): ParamKind {
  return typeof p === 'string' ? p : p.kind;
}

function rulesOf(params: readonly Param[]): (ArgRule | undefined)[] | undefined {
  const rules = params.map((p) => (typeof p === 'string' ? undefined : { ...(p.form ? { form: p.form } : {}), ...(p.shape ? { shape: p.shape } : {}) }));
  return rules.some((r) => r !== undefined) ? rules : undefined;
}

export function isError(x: unknown): x is SignatureError {
  return typeof x === 'object' && x !== null && 'error' in x;
}

export interface FunctionSpec {
  readonly name: string;
  readonly doc: string;
  readonly params: readonly Param[];
  /** Defaults to `params.length`. */
  readonly minArgs?: number;
  /** Defaults to `params.length`. */
  readonly maxArgs?: number;
  readonly result: ScalarType | ((args: readonly ArgInfo[], dialect: Dialect) => ScalarType | SignatureError);
  readonly compile: (args: readonly ArgInfo[], dialect: Dialect) => RowFunction;
  readonly resultName?: 'first-argument';
  readonly namePrefix?: string;
  readonly volatile?: boolean;
  readonly opaqueDynamic?: boolean;
  readonly resultShape?: 'array' | 'bag';
}

/** Positions where a dynamic argument meets a `string` parameter: converted to text before the function runs. */
function dynamicAsText(params: readonly ParamKind[], args: readonly ArgInfo[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i]!.type === 'dynamic' && params[Math.min(i, params.length - 1)] === 'string') out.push(i);
  }
  return out;
}

function asText(args: readonly ArgInfo[], positions: readonly number[]): ArgInfo[] {
  return args.map((a, i) => {
    if (!positions.includes(i)) return a;
    return a.constant ? { type: 'string', constant: { value: valueToString(a.constant.value, 'dynamic') } } : { type: 'string' };
  });
}

/** Builds a ScalarFunction whose `returns` checks argument kinds before computing the result type. */
export function define(spec: FunctionSpec): ScalarFunction {
  const { name, result } = spec;
  const params = spec.params.map(kindOf);
  const argRules = rulesOf(spec.params);
  const fn: ScalarFunction = {
    name,
    doc: spec.doc,
    minArgs: spec.minArgs ?? params.length,
    maxArgs: spec.maxArgs ?? params.length,
    returns: (args, dialect) => {
      const error = checkArgs(name, args, params);
      if (error) return error;
      return typeof result === 'string' ? result : result(asText(args, dynamicAsText(params, args)), dialect);
    },
    compile: (args, dialect) => {
      const positions = dynamicAsText(params, args);
      if (positions.length === 0) return spec.compile(args, dialect);
      const inner = spec.compile(asText(args, positions), dialect);
      return (vals, ctx) => {
        const copy = vals.slice();
        for (const i of positions) copy[i] = valueToString(copy[i] ?? null, 'dynamic');
        return inner(copy, ctx);
      };
    },
    ...(spec.resultName ? { resultName: spec.resultName } : {}),
    ...(spec.namePrefix ? { namePrefix: spec.namePrefix } : {}),
    ...(spec.volatile ? { volatile: true } : {}),
    ...(spec.opaqueDynamic ? { opaqueDynamic: true } : {}),
    ...(spec.resultShape ? { resultShape: spec.resultShape } : {}),
    ...(argRules ? { argRules } : {}),
  };
  return fn;
}

/** Another name for a function (`iff` for `iif`, `floor` for `bin`). */
export function alias(fn: ScalarFunction, name: string, doc?: string): ScalarFunction {
  return { ...fn, name, doc: doc ?? fn.doc };
}

/** Reads an argument as text: identity for strings, `tostring()` rendering for the rest. */
export function textOf(type: ScalarType): (v: Value) => string {
  if (type === 'string') return (v) => (v ?? '') as string;
  return (v) => valueToString(v, type);
}

/** The value of a constant string argument, if it is one. */
export function constantText(arg: ArgInfo | undefined): string | undefined {
  const v = arg?.constant?.value;
  return typeof v === 'string' ? v : undefined;
}

/** One-argument functions that give null for a null argument. */
export function unary(f: (v: Value) => Value): RowFunction {
  return (args) => (args[0] === null ? null : f(args[0]!));
}

/** Two-argument functions that give null when either argument is null. */
export function binary(f: (a: Value, b: Value) => Value): RowFunction {
  return (args) => (args[0] === null || args[1] === null ? null : f(args[0]!, args[1]!));
}

/** The common type of branch or argument types: equal types, or numbers widened (int < long < real). */
export function commonType(types: readonly ScalarType[]): ScalarType | undefined {
  let out: ScalarType | undefined;
  for (const t of types) {
    if (out === undefined || out === t) { out = t; continue; }
    if (isNumeric(out) && isNumeric(t)) {
      out = out === 'real' || t === 'real' ? 'real' : 'long';
      continue;
    }
    return undefined;
  }
  return out;
}
