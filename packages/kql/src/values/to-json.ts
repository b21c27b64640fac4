import type { ScalarType } from '../types/scalar-type.js';
import type { Value } from './value.js';
import { formatDatetime } from './datetime.js';
import { formatTimespan } from './timespan.js';

/** A JSON value as the API and `--format json` carry it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

/**
 * Encodes a value for JSON output: datetime as ISO 8601 UTC, timespan as Kusto prints it, real
 * NaN/±Infinity as the strings "NaN", "Infinity", "-Infinity" (JSON has no such numbers).
 */
export function encodeValue(v: Value, type: ScalarType): JsonValue {
  if (v === null) return null;
  switch (type) {
    case 'datetime': return formatDatetime(v as number);
    case 'timespan': return formatTimespan(v as number);
    case 'real': case 'long': case 'int': {
      const n = v as number;
      if (Number.isNaN(n)) return 'NaN';
      if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
      return n;
    }
    default: return v as JsonValue;
  }
}
