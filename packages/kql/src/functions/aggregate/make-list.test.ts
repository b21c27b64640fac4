import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAKE_LIST, MAKE_LIST_IF } from './make-list.js';
import { arg, checkMergeLaw, create, longs, one, orNull, over, reals, single, smallStrings } from './merge-law.test-helpers.js';

describe('make_list', () => {
  it('lists the non-null values in arrival order', () => {
    expect(over(MAKE_LIST, [arg('long')], [3, null, 1, 3])).toStrictEqual([3, 1, 3]);
    expect(over(MAKE_LIST, [arg('string')], ['a', '', 'b'])).toStrictEqual(['a', '', 'b']);
    expect(over(MAKE_LIST, [arg('long')], [])).toStrictEqual([]);
  });

  it('keeps dynamic arrays as elements', () => {
    expect(over(MAKE_LIST, [arg('dynamic')], [[1, 2], null, { a: 1 }])).toStrictEqual([[1, 2], { a: 1 }]);
  });

  it('stops at maxSize, also across merges', () => {
    const args = [arg('long'), arg('int', 2)];
    expect(over(MAKE_LIST, args, [1, 2, 3])).toStrictEqual([1, 2]);
    const impl = create(MAKE_LIST, args);
    const a = impl.add(impl.init(), [1]);
    const b = impl.add(impl.add(impl.init(), [2]), [3]);
    expect(impl.result(impl.merge(a, b))).toStrictEqual([1, 2]);
  });

  it('carries NaN and infinities through JSON', () => {
    const impl = create(MAKE_LIST, [arg('real')]);
    const s = JSON.parse(JSON.stringify(impl.add(impl.add(impl.init(), [NaN]), [-Infinity])));
    expect(impl.result(s)).toStrictEqual([NaN, -Infinity]);
  });

  it('types as dynamic and wants a constant integer maxSize', () => {
    expect(MAKE_LIST.returns([arg('long')], 'kusto')).toBe('dynamic');
    expect(MAKE_LIST.returns([arg('long'), arg('real', 2.5)], 'kusto')).toMatchObject({ argIndex: 1 });
    expect(MAKE_LIST.returns([arg('long'), arg('long')], 'kusto')).toMatchObject({ argIndex: 1 });
    expect(MAKE_LIST.namePrefix).toBe('list');
  });

  it('obeys the merge law (order kept when merging in input order)', () => {
    checkMergeLaw(MAKE_LIST, [arg('long')], one(orNull(longs)));
    checkMergeLaw(MAKE_LIST, [arg('real')], one(orNull(fc.oneof(reals, fc.constantFrom(NaN, Infinity)))));
    checkMergeLaw(MAKE_LIST, [arg('string'), arg('int', 7)], one(smallStrings));
  });
});

describe('make_list_if', () => {
  it('lists values where the predicate is true', () => {
    expect(single(create(MAKE_LIST_IF, [arg('long'), arg('bool')]), [[1, true], [2, false], [3, true]])).toStrictEqual([1, 3]);
  });

  it('obeys the merge law', () => {
    checkMergeLaw(MAKE_LIST_IF, [arg('long'), arg('bool'), arg('int', 5)],
      fc.tuple(orNull(longs), fc.boolean()).map(([v, p]) => [v, p, 5]));
  });
});
