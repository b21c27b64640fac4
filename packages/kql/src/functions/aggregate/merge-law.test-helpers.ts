// Shared by the aggregate tests only (not a test file itself, not imported by the engine).
import fc from 'fast-check';
import { expect } from 'vitest';
import type { AggregateFunction, AggregateImpl, ArgInfo, Dialect } from '../function-types.js';
import type { ScalarType } from '../../types/scalar-type.js';
import type { Value } from '../../values/value.js';

export const RUNS = 200;

export function arg(type: ScalarType, constant?: Value): ArgInfo {
  return constant === undefined ? { type } : { type, constant: { value: constant } };
}

export function create(fn: AggregateFunction, args: readonly ArgInfo[], dialect: Dialect = 'kusto'): AggregateImpl {
  const t = fn.returns(args, dialect);
  if (typeof t !== 'string') throw new Error(`unexpected refusal: ${t.error}`);
  return fn.create(args, dialect);
}

/** One pass over all rows. */
export function single(impl: AggregateImpl, rows: readonly (readonly Value[])[]): Value | Value[] {
  let s = impl.init();
  for (const r of rows) s = impl.add(s, [...r]);
  return impl.result(s);
}

/** Convenience for one-argument aggregates. */
export function over(fn: AggregateFunction, args: readonly ArgInfo[], values: readonly Value[]): Value | Value[] {
  return single(create(fn, args), values.map((v) => [v]));
}

const roundTrip = <T>(s: T): T => JSON.parse(JSON.stringify(s)) as T;

/**
 * Splits rows at the given cut points, aggregates each part, sends every partial state through
 * JSON, and merges them in input order along a random binary tree (`shape` picks the split).
 */
export function partitioned(
  impl: AggregateImpl,
  rows: readonly (readonly Value[])[],
  cuts: readonly number[],
  shape: readonly number[],
): Value | Value[] {
  const bounds = [0, ...[...new Set(cuts.map((c) => c % (rows.length + 1)))].sort((a, b) => a - b), rows.length];
  const states: unknown[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    let s = impl.init();
    for (const r of rows.slice(bounds[i], bounds[i + 1])) s = impl.add(s, [...r]);
    states.push(roundTrip(s));
  }
  let pick = 0;
  const mergeRange = (lo: number, hi: number): unknown => {
    if (hi - lo === 1) return states[lo];
    const mid = lo + 1 + ((shape[pick++ % Math.max(shape.length, 1)] ?? 0) % (hi - lo - 1));
    return roundTrip(impl.merge(mergeRange(lo, mid), mergeRange(mid, hi)));
  };
  return impl.result(mergeRange(0, states.length));
}

export type Eq = (a: Value | Value[], b: Value | Value[]) => void;

export const exact: Eq = (a, b) => expect(a).toStrictEqual(b);

/** Same members, order ignored (for make_set and make_list compared as multisets). */
export const sameMembers: Eq = (a, b) => {
  const key = (v: Value) => JSON.stringify(v);
  expect((a as Value[]).map(key).sort()).toStrictEqual((b as Value[]).map(key).sort());
};

/** Within `rel` of each other, relative to `scale` (or the larger magnitude), for real results. */
export function near(rel = 1e-9, scale = 0): Eq {
  return (a, b) => {
    const xs = Array.isArray(a) ? a : [a];
    const ys = Array.isArray(b) ? b : [b];
    expect(xs.length).toBe(ys.length);
    xs.forEach((x, i) => {
      const y = ys[i]!;
      if (typeof x !== 'number' || typeof y !== 'number' || Number.isNaN(x) || Number.isNaN(y)) {
        expect(x).toStrictEqual(y);
        return;
      }
      // The floor keeps subnormal results (squares of tiny reals) from demanding bit equality.
      const tol = Math.max(rel * Math.max(Math.abs(x), Math.abs(y), scale), 1e-300);
      expect(Math.abs(x - y)).toBeLessThanOrEqual(tol);
    });
  };
}

/**
 * The merge law: for random rows cut into random partitions, merging the JSON round-tripped
 * partial states gives what one pass over all rows gives.
 */
export function checkMergeLaw(
  fn: AggregateFunction,
  args: readonly ArgInfo[],
  row: fc.Arbitrary<Value[]>,
  eq: Eq = exact,
  scaleOf?: (rows: readonly (readonly Value[])[]) => number,
): void {
  const impl = create(fn, args);
  fc.assert(
    fc.property(
      fc.array(row, { maxLength: 60 }),
      fc.array(fc.nat(), { maxLength: 6 }),
      fc.array(fc.nat(), { maxLength: 8 }),
      (rows, cuts, shape) => {
        const whole = single(impl, rows);
        const merged = partitioned(impl, rows, cuts, shape);
        if (scaleOf) near(1e-9, scaleOf(rows))(merged, whole);
        else eq(merged, whole);
      },
    ),
    { numRuns: RUNS },
  );
}

/** A nullable arbitrary: null about one time in five. */
export function orNull<T extends Value>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: a, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 });
}

export const longs = fc.integer({ min: -1_000_000, max: 1_000_000 });
export const reals = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
export const smallStrings = fc.string({ maxLength: 3 });
export const one = <T extends Value>(a: fc.Arbitrary<T>): fc.Arbitrary<Value[]> => a.map((v) => [v]);
