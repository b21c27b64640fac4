import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestRank, PERCENTILE, PERCENTILES } from './percentile.js';
import { arg, checkMergeLaw, longs, one, orNull, over, reals } from './merge-law.test-helpers.js';

describe('nearest-rank percentile', () => {
  // Worked by hand: rank = ceil(p/100 × N), 1-based, and the smallest value for p = 0.
  const xs = [15, 20, 35, 40, 50];
  it.each([
    [0, 15], [5, 15], [20, 15], [30, 20], [40, 20], [50, 35], [75, 40], [100, 50],
  ])('p=%d of 15,20,35,40,50 is %d', (p, want) => {
    expect(nearestRank(xs, p)).toBe(want);
  });

  it('of 1..10: p50 is 5, p90 is 9, p91 is 10', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRank(ten, 50)).toBe(5);
    expect(nearestRank(ten, 90)).toBe(9);
    expect(nearestRank(ten, 91)).toBe(10);
  });
});

describe('percentile', () => {
  it('sorts the non-null values and returns one value in an array (it declares outputs)', () => {
    expect(over(PERCENTILE, [arg('long'), arg('int', 50)], [50, null, 15, 40, 20, 35])).toStrictEqual([35]);
    expect(over(PERCENTILE, [arg('real'), arg('real', 99.9)], [])).toStrictEqual([null]);
    expect(over(PERCENTILE, [arg('real'), arg('int', 100)], [1, Infinity, NaN])).toStrictEqual([Infinity]);
  });

  it('types int as long, keeps other types, refuses non-summable input', () => {
    expect(PERCENTILE.returns([arg('int'), arg('int', 50)], 'kusto')).toBe('long');
    expect(PERCENTILE.returns([arg('datetime'), arg('int', 50)], 'kusto')).toBe('datetime');
    expect(PERCENTILE.returns([arg('string'), arg('int', 50)], 'kusto')).toMatchObject({ argIndex: 0 });
  });

  it('needs a constant percentile between 0 and 100', () => {
    expect(PERCENTILE.returns([arg('long'), arg('long')], 'kusto')).toMatchObject({ argIndex: 1 });
    expect(PERCENTILE.returns([arg('long'), arg('int', 101)], 'kusto')).toMatchObject({ argIndex: 1 });
    expect(PERCENTILE.returns([arg('long'), arg('string', '50')], 'kusto')).toMatchObject({ argIndex: 1 });
  });

  it('names its column percentile_<x>_<p> with the dot as an underscore', () => {
    expect(PERCENTILE.outputs!([arg('long'), arg('int', 50)], ['x', undefined])).toStrictEqual([{ name: 'percentile_x_50', type: 'long' }]);
    expect(PERCENTILE.outputs!([arg('real'), arg('real', 99.9)], [undefined, undefined])).toStrictEqual([{ name: 'percentile__99_9', type: 'real' }]);
  });

  it('obeys the merge law', () => {
    checkMergeLaw(PERCENTILE, [arg('long'), arg('int', 50)], one(orNull(longs)));
    checkMergeLaw(PERCENTILE, [arg('real'), arg('real', 12.5)], one(orNull(fc.oneof(reals, fc.constantFrom(Infinity, NaN)))));
  });
});

describe('percentiles', () => {
  it('computes several percentiles at once, one output each', () => {
    expect(over(PERCENTILES, [arg('long'), arg('int', 5), arg('int', 50), arg('int', 95)], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
      .toStrictEqual([1, 5, 10]);
    expect(PERCENTILES.outputs!([arg('long'), arg('int', 50), arg('int', 95)], ['x', undefined, undefined]).map((o) => o.name))
      .toStrictEqual(['percentile_x_50', 'percentile_x_95']);
  });

  it('obeys the merge law', () => {
    checkMergeLaw(PERCENTILES, [arg('long'), arg('int', 0), arg('int', 33), arg('real', 99.5)], one(orNull(longs)));
  });
});
