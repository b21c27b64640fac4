import type { ScalarType } from '../types/scalar-type.js';
import type { DynamicValue, Value } from './value.js';
import { TICKS_PER_MS } from './value.js';
import { formatDatetime, parseDatetime } from './datetime.js';
import { formatTimespan, parseTimespan } from './timespan.js';
import { valueToString } from './to-string.js';

/**
 * Conversions between scalar types, as Kusto's casts (`tolong()`, `todatetime()`…) do them: a value
 * that cannot be converted gives null. `from` is the static type of `v`; for `dynamic` the JSON
 * value's own kind decides. Datetimes and timespans convert to and from numbers as ticks (100 ns),
 * datetimes counted from 0001-01-01 as .NET does (`tolong(datetime(1970-01-01))` = 621355968000000000).
 */

/** Milliseconds from 0001-01-01 to the Unix epoch. */
export const EPOCH_OFFSET_MS = 62_135_596_800_000;

const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;
const REAL_TEXT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?\s*$/i;
const GUID_TEXT = /^\s*[{(]?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})[})]?\s*$/i;

export function toBool(v: Value, from: ScalarType): boolean | null {
  if (v === null) return null;
  switch (from) {
    case 'bool': return v as boolean;
    case 'int': case 'long': case 'real':
      return Number.isNaN(v as number) ? null : (v as number) !== 0;
    case 'string': return boolFromText(v as string);
    case 'dynamic':
      if (typeof v === 'boolean') return v;
      if (typeof v === 'number') return toBool(v, 'real');
      if (typeof v === 'string') return boolFromText(v);
      return null;
    default: return null;
  }
}

function boolFromText(s: string): boolean | null {
  const t = s.trim().toLowerCase();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  return null;
}

/** To a long: reals truncate toward zero, text must be an integer, datetime/timespan give ticks. */
export function toLong(v: Value, from: ScalarType): number | null {
  if (v === null) return null;
  switch (from) {
    case 'int': case 'long': return v as number;
    case 'real': return Number.isFinite(v) ? Math.trunc(v as number) || 0 : null;
    case 'bool': return v ? 1 : 0;
    case 'string': return INTEGER_TEXT.test(v as string) ? Number(v) : null;
    case 'datetime': return Math.round(((v as number) + EPOCH_OFFSET_MS) * TICKS_PER_MS);
    case 'timespan': return Math.round((v as number) * TICKS_PER_MS);
    case 'dynamic':
      if (typeof v === 'number') return toLong(v, 'real');
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (typeof v === 'string') return toLong(v, 'string');
      return null;
    default: return null;
  }
}

/** To an int: as `toLong`, then wrapped to 32 bits the way an unchecked .NET cast does. */
export function toInt(v: Value, from: ScalarType): number | null {
  const n = from === 'int' ? (v as number | null) : toLong(v, from);
  if (n === null) return null;
  return Math.abs(n) <= 0x7fffffff ? n : Number(BigInt.asIntN(32, BigInt(n)));
}

export function toReal(v: Value, from: ScalarType): number | null {
  if (v === null) return null;
  switch (from) {
    case 'int': case 'long': case 'real': return v as number;
    case 'bool': return v ? 1 : 0;
    case 'string': return realFromText(v as string);
    case 'datetime': case 'timespan': return toLong(v, from);
    case 'dynamic':
      if (typeof v === 'number') return v;
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (typeof v === 'string') return realFromText(v);
      return null;
    default: return null;
  }
}

function realFromText(s: string): number | null {
  if (REAL_TEXT.test(s)) return Number(s);
  const t = s.trim().toLowerCase();
  if (t === 'nan') return NaN;
  if (t === 'infinity' || t === '+infinity') return Infinity;
  if (t === '-infinity') return -Infinity;
  return null;
}

/** To a datetime (ms since the Unix epoch): text is parsed, numbers are ticks since 0001-01-01. */
export function toDatetime(v: Value, from: ScalarType): number | null {
  if (v === null) return null;
  switch (from) {
    case 'datetime': return v as number;
    case 'string': return parseDatetime(v as string);
    case 'int': case 'long': case 'real':
      return Number.isFinite(v) ? (v as number) / TICKS_PER_MS - EPOCH_OFFSET_MS : null;
    case 'dynamic':
      if (typeof v === 'string') return parseDatetime(v);
      if (typeof v === 'number') return toDatetime(v, 'long');
      return null;
    default: return null;
  }
}

/** To a timespan (ms): text is parsed (`1.02:03:04`, `2h`), numbers are ticks. */
export function toTimespan(v: Value, from: ScalarType): number | null {
  if (v === null) return null;
  switch (from) {
    case 'timespan': return v as number;
    case 'string': return parseTimespan(v as string);
    case 'int': case 'long': case 'real':
      return Number.isFinite(v) ? (v as number) / TICKS_PER_MS : null;
    case 'dynamic':
      if (typeof v === 'string') return parseTimespan(v);
      if (typeof v === 'number') return toTimespan(v, 'long');
      return null;
    default: return null;
  }
}

/** To a guid: the lower-case `8-4-4-4-12` form; accepts the dashed, bare, braced and parenthesised forms. */
export function toGuid(v: Value, from: ScalarType): string | null {
  if (v === null) return null;
  if (from === 'guid') return v as string;
  if (from !== 'string' && !(from === 'dynamic' && typeof v === 'string')) return null;
  const m = GUID_TEXT.exec(v as string);
  return m ? m.slice(1, 6).join('-').toLowerCase() : null;
}

/** The cast `todynamic()`: text is parsed as JSON (see `parseJson`); other values are wrapped. */
export function toDynamic(v: Value, from: ScalarType): DynamicValue {
  return from === 'string' ? parseJson(v as string) : wrapDynamic(v, from);
}

/**
 * A typed scalar held in a dynamic value without parsing (what `pack_array()` and `pack()` store):
 * datetimes and timespans as their text, since JSON has no such kinds.
 */
export function wrapDynamic(v: Value, from: ScalarType): DynamicValue {
  if (v === null) return null;
  switch (from) {
    case 'datetime': return formatDatetime(v as number);
    case 'timespan': return formatTimespan(v as number);
    case 'real': return Number.isFinite(v) ? (v as number) : valueToString(v, 'real');
    default: return v as DynamicValue;
  }
}

/**
 * `parse_json()`: valid JSON gives its value; empty or blank text gives null; anything else is kept
 * as a dynamic string holding the original text.
 */
export function parseJson(text: string): DynamicValue {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as DynamicValue;
  } catch {
    return text;
  }
}

/** The runtime kind of a dynamic value, named as `gettype()` names it. */
export function dynamicKind(v: DynamicValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'boolean': return 'bool';
    case 'string': return 'string';
    case 'number':
      if (!Number.isInteger(v)) return 'real';
      return Math.abs(v) <= 0x7fffffff ? 'int' : 'long';
    default: return 'dictionary';
  }
}

/** A converter from one static type to another, for results whose branches differ (iif, coalesce). */
export function converterTo(target: ScalarType, from: ScalarType): (v: Value) => Value {
  if (target === from) return (v) => v;
  if ((target === 'long' || target === 'real') && (from === 'int' || from === 'long')) return (v) => v;
  switch (target) {
    case 'bool': return (v) => toBool(v, from);
    case 'int': return (v) => toInt(v, from);
    case 'long': return (v) => toLong(v, from);
    case 'real': return (v) => toReal(v, from);
    case 'datetime': return (v) => toDatetime(v, from);
    case 'timespan': return (v) => toTimespan(v, from);
    case 'guid': return (v) => toGuid(v, from);
    case 'string': return (v) => valueToString(v, from);
    case 'dynamic': return (v) => wrapDynamic(v, from);
  }
}
