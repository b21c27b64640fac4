import { decodeNumber } from './state-codec.js';

/**
 * A running sum that survives JSON and merges well: `s + c` is the Neumaier-compensated sum of the
 * finite values, `n` counts the non-null values, and `f` holds the non-finite part ("NaN",
 * "Infinity", "-Infinity") once one is seen or the sum overflows — JSON cannot carry those as
 * numbers. Compensation keeps real sums nearly independent of how rows were split across devices.
 */
export interface SumState {
  n: number;
  s: number;
  c: number;
  f: string | null;
}

export function initSum(): SumState {
  return { n: 0, s: 0, c: 0, f: null };
}

function addNonFinite(st: SumState, v: number): void {
  const total = st.f === null ? v : decodeNumber(st.f) + v;
  st.f = String(total);
}

/** Adds one number (the caller has skipped nulls). */
export function addToSum(st: SumState, v: number): void {
  st.n++;
  if (v - v !== 0) { addNonFinite(st, v); return; }
  const s = st.s;
  const t = s + v;
  if (t - t !== 0) { addNonFinite(st, t); st.s = 0; st.c = 0; return; }
  st.c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
  st.s = t;
}

/** Folds b into a. */
export function mergeSums(a: SumState, b: SumState): SumState {
  const n = a.n + b.n;
  addToSum(a, b.s);
  a.c += b.c;
  if (b.f !== null) addNonFinite(a, decodeNumber(b.f));
  a.n = n;
  return a;
}

/** The sum as a number (NaN or ±Infinity when a non-finite value was involved). */
export function sumValue(st: SumState): number {
  if (st.f !== null) return decodeNumber(st.f);
  return st.s + st.c;
}
