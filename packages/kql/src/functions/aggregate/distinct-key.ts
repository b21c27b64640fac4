import type { ScalarType } from '../../types/scalar-type.js';
import type { Value } from '../../values/value.js';

/**
 * The key under which a non-null value is kept in a plain-object set. One aggregate argument has
 * one type, so scalars need no type tag. Numbers and bools are keyed by their text, which can never
 * be "__proto__" or an Object.prototype member (and integer keys are V8's fast elements); strings
 * and guids get a "k" prefix for that reason; dynamic values are keyed by "k" + JSON text, which
 * keeps 1 and "1" apart. -0 and 0 share a key (String(-0) is "0").
 */
export function distinctKey(v: Value, type: ScalarType): string {
  if (typeof v === 'number' || typeof v === 'boolean') {
    if (type !== 'dynamic') return String(v);
  }
  if (type === 'dynamic') return 'k' + JSON.stringify(v);
  return 'k' + (v as string);
}

/** A set of keys that survives JSON: `n` keys, each mapped to 1 in `k`. */
export interface KeySet {
  n: number;
  k: Record<string, 1>;
}

export function newKeySet(): KeySet {
  return { n: 0, k: {} };
}

/** Adds a key; true when it was new. */
export function addKey(set: KeySet, key: string): boolean {
  if (set.k[key] === 1) return false;
  set.k[key] = 1;
  set.n++;
  return true;
}
