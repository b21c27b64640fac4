import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX, MAXIF, MIN, MINIF } from './min-max.js';
import { arg, checkMergeLaw, create, longs, one, orNull, over, reals, single, smallStrings } from './merge-law.test-helpers.js';

describe('min and max', () => {
  it('skip nulls', () => {
    expect(over(MIN, [arg('long')], [null, 3, 1, 2])).toBe(1);
    expect(over(MAX, [arg('long')], [3, null, 7, 2])).toBe(7);
  });

  it('order strings ordinally, bools false < true, datetimes and timespans as numbers', () => {
    expect(over(MIN, [arg('string')], ['b', 'B', 'a'])).toBe('B');
    expect(over(MAX, [arg('string')], ['b', 'B', 'a'])).toBe('b');
    expect(over(MIN, [arg('bool')], [true, null, false])).toBe(false);
    expect(over(MAX, [arg('bool')], [false, true])).toBe(true);
    expect(over(MAX, [arg('datetime')], [Date.UTC(2020, 0, 1), Date.UTC(2021, 0, 1)])).toBe(Date.UTC(2021, 0, 1));
  });

  it('give null for an empty group ("" for strings)', () => {
    expect(over(MIN, [arg('real')], [])).toBeNull();
    expect(over(MAX, [arg('long')], [null])).toBeNull();
    expect(over(MAX, [arg('string')], [])).toBe('');
  });

  it('skip NaN and carry infinities through JSON', () => {
    expect(over(MIN, [arg('real')], [NaN, 2, NaN, 1])).toBe(1);
    expect(over(MAX, [arg('real')], [1, Infinity])).toBe(Infinity);
    const impl = create(MIN, [arg('real')]);
    const s = JSON.parse(JSON.stringify(impl.add(impl.init(), [-Infinity])));
    expect(impl.result(impl.add(s, [5]))).toBe(-Infinity);
  });

  it('keep the argument type and refuse guid and dynamic', () => {
    expect(MIN.returns([arg('int')], 'kusto')).toBe('int');
    expect(MAX.returns([arg('string')], 'kusto')).toBe('string');
    expect(MAX.returns([arg('dynamic')], 'kusto')).toMatchObject({ argIndex: 0 });
    expect(MIN.returns([arg('guid')], 'kusto')).toMatchObject({ argIndex: 0 });
  });

  const realsWithInf = fc.oneof(reals, fc.constantFrom(Infinity, -Infinity, NaN));
  it('obey the merge law', () => {
    for (const fn of [MIN, MAX]) {
      checkMergeLaw(fn, [arg('long')], one(orNull(longs)));
      checkMergeLaw(fn, [arg('real')], one(orNull(realsWithInf)));
      checkMergeLaw(fn, [arg('string')], one(smallStrings));
      checkMergeLaw(fn, [arg('bool')], one(orNull(fc.boolean())));
    }
  });
});

describe('minif and maxif', () => {
  it('consider only rows where the predicate is true', () => {
    const rows = [[5, true], [1, false], [3, true], [9, null]];
    expect(single(create(MINIF, [arg('long'), arg('bool')]), rows)).toBe(3);
    expect(single(create(MAXIF, [arg('long'), arg('bool')]), rows)).toBe(5);
  });

  it('obey the merge law', () => {
    const row = fc.tuple(orNull(longs), fc.boolean()).map(([v, p]) => [v, p]);
    checkMergeLaw(MINIF, [arg('long'), arg('bool')], row);
    checkMergeLaw(MAXIF, [arg('long'), arg('bool')], row);
  });
});
