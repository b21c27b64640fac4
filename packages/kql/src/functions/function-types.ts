import type { ScalarType } from '../types/scalar-type.js';
import type { Value } from '../values/value.js';

export type Dialect = 'cmpivot' | 'kusto';

/** What evaluation may read besides the row: the injected clock and the dialect. */
export interface EvalContext {
  /** "Now" in ms since the epoch, fixed for the whole query (Kusto evaluates now() once per query). */
  readonly now: number;
  readonly dialect: Dialect;
  /** Called every few thousand rows in long loops; throws to stop a cancelled or overdue query. */
  readonly checkpoint?: () => void;
}

/** An argument as the binder sees it: its type and, when it is a constant, its value. */
export interface ArgInfo {
  readonly type: ScalarType;
  /** Present only for arguments whose value is known at bind time (literals, folded constants). */
  readonly constant?: { readonly value: Value };
  /** Set when the argument is `typeof(T)`, as in `extract(re, 1, s, typeof(long))`. */
  readonly typeLiteral?: ScalarType;
}

/** A bind-time refusal: the message names the problem; `argIndex` points the squiggle at an argument. */
export interface SignatureError {
  readonly error: string;
  readonly argIndex?: number;
}

export type RowFunction = (args: readonly Value[], ctx: EvalContext) => Value;

/**
 * A scalar function, declared as data. The binder calls `returns` to type a call (and to refuse
 * wrong argument types); the evaluator calls `compile` once per call site and then the returned
 * closure once per row. Implementations follow Kusto's null rules: a null number argument gives
 * null; strings are never null (a missing string is "").
 */
export interface ScalarFunction {
  readonly name: string;
  /** One line for completions and hover. */
  readonly doc: string;
  readonly minArgs: number;
  /** `Infinity` for variadic functions such as `strcat`. */
  readonly maxArgs: number;
  readonly returns: (args: readonly ArgInfo[], dialect: Dialect) => ScalarType | SignatureError;
  readonly compile: (args: readonly ArgInfo[], dialect: Dialect) => RowFunction;
  /**
   * How Kusto names an unnamed column computed by this function: `first-argument` for the casts
   * (`project tostring(Name)` gives a column `Name`); otherwise the binder uses `Column1`, `Column2`…
   */
  readonly resultName?: 'first-argument';
  /** Kusto names an unnamed `strlen(x)` column `strlen_x` (`strlen_` over an expression): the prefix. */
  readonly namePrefix?: string;
  /** Reads the clock (`now`, `ago`): the same value for the whole query, but never folded at bind time. */
  readonly volatile?: boolean;
  /** What the binder requires of each argument beyond its type (by position; missing entries: nothing). */
  readonly argRules?: readonly (ArgRule | undefined)[];
  /** Kusto treats the dynamic result as of unknown shape even when folded (`parse_json("[1]")`). */
  readonly opaqueDynamic?: boolean;
  /** The result is always a dynamic array or always a property bag (`pack_array`, `bag_pack`). */
  readonly resultShape?: 'array' | 'bag';
}

/**
 * Requirements Kusto's binder places on an argument's form: `constant` reads no column (KS129),
 * `literal` is a string literal as written (KS131); `shape` refuses a dynamic value known to be
 * something else (an array where a property bag is required: KS234, KS235).
 */
export interface ArgRule {
  readonly form?: 'constant' | 'literal';
  readonly shape?: DynamicShape;
}

/** What a dynamic value is known to be at bind time. */
export type DynamicShape = 'array' | 'bag' | 'scalar';

/**
 * An aggregate as `{ init, add, merge, result }`, so a partial state computed on each device can be
 * merged on the site. States must survive `JSON.parse(JSON.stringify(state))` unchanged in meaning:
 * they cross the wire between agent and site.
 */
export interface AggregateImpl<S = unknown> {
  init(): S;
  /** Folds one row's argument values in; may mutate and return `state`. */
  add(state: S, args: readonly Value[]): S;
  /** Combines two partial states; may mutate and return `a`. */
  merge(a: S, b: S): S;
  /** The final value; an array of values for aggregates with several `outputs`. */
  result(state: S): Value | Value[];
}

export interface AggregateOutput {
  readonly name: string;
  readonly type: ScalarType;
}

export interface AggregateFunction {
  readonly name: string;
  readonly doc: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly returns: (args: readonly ArgInfo[], dialect: Dialect) => ScalarType | SignatureError;
  readonly create: (args: readonly ArgInfo[], dialect: Dialect) => AggregateImpl;
  /**
   * Aggregates that produce several columns (`arg_max(x, *)`, `percentiles(x, 50, 95)`) list them.
   * `argNames[i]` is the column name of argument i when it is a plain column reference.
   */
  readonly outputs?: (args: readonly ArgInfo[], argNames: readonly (string | undefined)[]) => readonly AggregateOutput[];
  /** The prefix of the default column name (`count` → `count_`, `sum(x)` → `sum_x` in kusto). Defaults to `name`. */
  readonly namePrefix?: string;
  /** Arguments after this index may be `*` (arg_max, arg_min, take_any). */
  readonly acceptsStar?: boolean;
}
