/**
 * Kusto's scalar types. `int` and `long` are both held as JavaScript numbers (exact to 2^53);
 * `datetime` is milliseconds since the Unix epoch (fractions allowed, printed to 100 ns ticks);
 * `timespan` is milliseconds; `guid` is its lower-case string; `dynamic` is a JSON value.
 */
export type ScalarType =
  | 'bool'
  | 'int'
  | 'long'
  | 'real'
  | 'string'
  | 'datetime'
  | 'timespan'
  | 'dynamic'
  | 'guid';

export const SCALAR_TYPES: readonly ScalarType[] = [
  'bool', 'int', 'long', 'real', 'string', 'datetime', 'timespan', 'dynamic', 'guid',
];

/** Type names a query may write, with their aliases (`boolean`, `double`, `date`, `time`, `uniqueid`). */
export const TYPE_NAMES: Readonly<Record<string, ScalarType>> = {
  bool: 'bool', boolean: 'bool',
  int: 'int', long: 'long',
  real: 'real', double: 'real', decimal: 'real',
  string: 'string',
  datetime: 'datetime', date: 'datetime',
  timespan: 'timespan', time: 'timespan',
  dynamic: 'dynamic',
  guid: 'guid', uniqueid: 'guid',
};

export function isNumeric(t: ScalarType): boolean {
  return t === 'int' || t === 'long' || t === 'real';
}

export function isIntegral(t: ScalarType): boolean {
  return t === 'int' || t === 'long';
}

/** Held in a Float64Array column (with a null mask) by the columnar evaluator. */
export function isNumberBacked(t: ScalarType): boolean {
  return t === 'int' || t === 'long' || t === 'real' || t === 'datetime' || t === 'timespan';
}

/** The wider of two numeric types, as Kusto promotes them in arithmetic. */
export function widerNumeric(a: ScalarType, b: ScalarType): ScalarType {
  if (a === 'real' || b === 'real') return 'real';
  if (a === 'long' || b === 'long') return 'long';
  return 'int';
}
