import { isNumberBacked, type ScalarType } from '../../types/scalar-type.js';
import type { Value } from '../../values/value.js';

/**
 * Partial states cross the wire as JSON, which has no NaN or ±Infinity (JSON.stringify turns them
 * into null). Number-backed values are therefore kept in states "encoded": finite numbers as they
 * are, the three non-finite ones as the strings "NaN", "Infinity", "-Infinity". Only number-backed
 * types are encoded, so a string value "NaN" is never confused with a number. -0 is stored as 0.
 */
export type Encoded = Value;

export function encodeNumber(n: number): number | string {
  // -0 becomes 0 here because JSON would do the same on the way to the site.
  return n - n === 0 ? n + 0 : String(n);
}

export function decodeNumber(v: number | string): number {
  return typeof v === 'number' ? v : Number(v);
}

/** Encodes one value of a known type for a state. */
export function encodeValue(v: Value, type: ScalarType): Encoded {
  if (typeof v !== 'number' || !isNumberBacked(type)) return v;
  return encodeNumber(v);
}

/** Undoes encodeValue. */
export function decodeValue(v: Encoded, type: ScalarType): Value {
  return typeof v === 'string' && isNumberBacked(type) ? Number(v) : v;
}

/** What an aggregate yields for a group with nothing to aggregate: Kusto strings are never null. */
export function emptyValue(type: ScalarType): Value {
  return type === 'string' ? '' : null;
}

/**
 * A total order over values of one type, used only to break ties deterministically (arg_max rows,
 * take_any) so that a merged result never depends on which device's partial arrived first.
 * null < NaN < numbers; everything else by its natural order, dynamic by JSON text.
 */
export function totalCompare(a: Value, b: Value, type: ScalarType): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') {
    if (a !== a) return b !== b ? 0 : -1;
    if (b !== b) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string' && type !== 'dynamic') return a < b ? -1 : a > b ? 1 : 0;
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Compares two rows position by position with totalCompare. */
export function compareRows(a: readonly Value[], b: readonly Value[], types: readonly ScalarType[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = totalCompare(a[i]!, b[i]!, types[i]!);
    if (c !== 0) return c;
  }
  return 0;
}
