import type { ScalarType } from '../types/scalar-type.js';
import type { Value } from './value.js';

/**
 * Orders two non-null values of one scalar type: numbers numerically, strings ordinally (or
 * ignoring case), booleans false < true, dynamic by its JSON text. Nulls are the caller's business
 * (sort puts them first or last; min/max skip them).
 */
export function compareValues(a: Value, b: Value, type: ScalarType, ignoreCase = false): number {
  switch (type) {
    case 'int': case 'long': case 'real': case 'datetime': case 'timespan':
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case 'bool':
      return Number(a) - Number(b);
    case 'string': case 'guid': {
      let x = a as string;
      let y = b as string;
      if (ignoreCase) { x = x.toLowerCase(); y = y.toLowerCase(); }
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 'dynamic': {
      if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
      const x = typeof a === 'string' ? a : JSON.stringify(a);
      const y = typeof b === 'string' ? b : JSON.stringify(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
  }
}

/** Kusto's null test: strings are never null, NaN is a real (not null), an empty dynamic array is not null. */
export function isNullValue(v: Value): boolean {
  return v === null;
}
