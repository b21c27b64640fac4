import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STDEV, STDEVIF, VARIANCE, VARIANCEIF } from './stdev-variance.js';
import { arg, checkMergeLaw, create, longs, near, one, orNull, over, reals, single } from './merge-law.test-helpers.js';

/**
 * Reals without magnitudes below 1e-100: their squares are subnormal, where a variance computed by
 * two different (both correct) groupings can differ in every digit.
 */
const moderate = reals.filter((x) => x === 0 || Math.abs(x) > 1e-100);

/** Tolerance scale: rounding in a variance grows with the square of the values' magnitude. */
const scale = (rows: readonly (readonly unknown[])[]) =>
  rows.reduce((m: number, r) => Math.max(m, Math.abs((r[0] as number | null) ?? 0)), 0) ** 2 * 1e-3;

describe('stdev and variance', () => {
  // By hand: 2,4,4,4,5,5,7,9 has mean 5 and squared deviations summing to 32; sample variance 32/7.
  const xs = [2, 4, 4, 4, 5, 5, 7, 9];
  it('are sample statistics (n − 1)', () => {
    expect(over(VARIANCE, [arg('long')], xs)).toBeCloseTo(32 / 7, 12);
    expect(over(STDEV, [arg('long')], [...xs, null])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(over(VARIANCE, [arg('real')], [1, 2, 3, 4])).toBeCloseTo(5 / 3, 12);
  });

  it('give 0 for one value or none', () => {
    expect(over(STDEV, [arg('real')], [42])).toBe(0);
    expect(over(VARIANCE, [arg('real')], [])).toBe(0);
    expect(over(VARIANCE, [arg('real')], [null])).toBe(0);
  });

  it('measure timespans and datetimes in ticks', () => {
    expect(over(STDEV, [arg('timespan')], [0, 2000])).toBeCloseTo(Math.SQRT2 * 1000 * 10_000, 3);
    expect(over(VARIANCE, [arg('datetime')], [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1) + 2])).toBeCloseTo(2 * 1e8, 3);
  });

  it('give NaN once a NaN or infinity is seen, also after JSON', () => {
    expect(over(STDEV, [arg('real')], [1, Infinity, 2])).toBeNaN();
    const impl = create(VARIANCE, [arg('real')]);
    const s = JSON.parse(JSON.stringify(impl.add(impl.init(), [NaN])));
    expect(impl.result(impl.merge(s, impl.add(impl.init(), [1])))).toBeNaN();
  });

  it('type as real and refuse non-summable input', () => {
    expect(STDEV.returns([arg('int')], 'kusto')).toBe('real');
    expect(VARIANCE.returns([arg('timespan')], 'kusto')).toBe('real');
    expect(STDEV.returns([arg('bool')], 'kusto')).toMatchObject({ argIndex: 0 });
    expect(VARIANCEIF.returns([arg('real'), arg('real')], 'kusto')).toMatchObject({ argIndex: 1 });
  });

  it('obey the merge law within 1e-9', () => {
    for (const fn of [STDEV, VARIANCE]) {
      checkMergeLaw(fn, [arg('long')], one(orNull(longs)), undefined, (rows) => (fn === STDEV ? Math.sqrt(scale(rows)) : scale(rows)));
      checkMergeLaw(fn, [arg('real')], one(orNull(moderate)), undefined, (rows) => (fn === STDEV ? Math.sqrt(scale(rows)) : scale(rows)));
    }
  });

  it('agree with a two-pass computation', () => {
    fc.assert(fc.property(fc.array(moderate, { minLength: 2, maxLength: 50 }), (vs) => {
      const mean = vs.reduce((a, b) => a + b, 0) / vs.length;
      const want = vs.reduce((a, b) => a + (b - mean) ** 2, 0) / (vs.length - 1);
      near(1e-9, Math.max(...vs.map(Math.abs)) ** 2 * 1e-6)(over(VARIANCE, [arg('real')], vs), want);
    }), { numRuns: 200 });
  });
});

describe('stdevif and varianceif', () => {
  it('use only rows where the predicate is true', () => {
    const rows = [[2, true], [100, false], [4, true], [null, true]];
    expect(single(create(VARIANCEIF, [arg('long'), arg('bool')]), rows)).toBe(2);
    expect(single(create(STDEVIF, [arg('long'), arg('bool')]), rows)).toBeCloseTo(Math.SQRT2, 12);
  });

  it('obey the merge law', () => {
    const row = fc.tuple(orNull(longs), fc.boolean()).map(([v, p]) => [v, p]);
    checkMergeLaw(VARIANCEIF, [arg('long'), arg('bool')], row, undefined, scale);
    checkMergeLaw(STDEVIF, [arg('long'), arg('bool')], row, undefined, (rows) => Math.sqrt(scale(rows)));
  });
});
