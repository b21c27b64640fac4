import type { ScalarType } from '../types/scalar-type.js';
import type { DynamicValue, Value } from './value.js';
import { formatDatetime } from './datetime.js';
import { formatTimespan } from './timespan.js';

/**
 * A value as `tostring()` and `strcat()` render it. Null becomes "" (Kusto strings are never null);
 * a dynamic string gives its text without quotes, any other dynamic value its compact JSON.
 */
export function valueToString(v: Value, type: ScalarType): string {
  if (v === null) return '';
  switch (type) {
    case 'string': case 'guid':
      return v as string;
    case 'bool':
      return v ? 'true' : 'false';
    case 'int': case 'long':
      return formatInteger(v as number);
    case 'real':
      return formatReal(v as number);
    case 'datetime':
      return formatDatetime(v as number);
    case 'timespan':
      return formatTimespan(v as number);
    case 'dynamic':
      return typeof v === 'string' ? v : dynamicToJson(v as DynamicValue);
  }
}

/** Compact JSON, as Kusto prints a dynamic value: `{"a":1,"b":[1,2]}`. */
export function dynamicToJson(v: DynamicValue): string {
  return JSON.stringify(v, (_key, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? formatReal(x) : x));
}

function formatInteger(n: number): string {
  if (Number.isInteger(n)) return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
  return Number.isFinite(n) ? String(Math.trunc(n)) : formatReal(n);
}

/**
 * A real as .NET prints a double (what Kusto shows): the shortest text that reads back to the same
 * number, in fixed notation for decimal exponents -5 < e < 15 and `1.5E+20` / `1E-05` otherwise.
 * So 1.0 → "1", 0.1 → "0.1", 1e15 → "1E+15", NaN → "NaN", ∞ → "Infinity".
 */
export function formatReal(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (n === 0) return '0';
  const sign = n < 0 ? '-' : '';
  // toExponential() without digits gives the shortest round-trip mantissa, like .NET's "R".
  const [mantissa, exp] = Math.abs(n).toExponential().split('e') as [string, string];
  const e = Number(exp);
  const digits = mantissa.replace('.', '');
  if (e < -4 || e >= 15) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  if (digits.length <= e + 1) return `${sign}${digits}${'0'.repeat(e + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
}
