import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAKE_SET, MAKE_SET_IF } from './make-set.js';
import { arg, checkMergeLaw, create, one, orNull, over, sameMembers, single, smallStrings } from './merge-law.test-helpers.js';

describe('make_set', () => {
  it('keeps each distinct non-null value once', () => {
    expect(over(MAKE_SET, [arg('long')], [3, 1, null, 3, 2, 1])).toStrictEqual([3, 1, 2]);
    expect(over(MAKE_SET, [arg('string')], ['a', 'A', 'a'])).toStrictEqual(['a', 'A']);
    expect(over(MAKE_SET, [arg('long')], [null])).toStrictEqual([]);
  });

  it('flattens dynamic arrays into their elements', () => {
    expect(over(MAKE_SET, [arg('dynamic')], [['A1', 'A2', 'A3'], ['A2', 'C1'], 'A1', [null, 1], { k: 1 }, { k: 1 }]))
      .toStrictEqual(['A1', 'A2', 'A3', 'C1', 1, { k: 1 }]);
  });

  it('stops at maxSize', () => {
    expect(over(MAKE_SET, [arg('long'), arg('long', 2)], [1, 1, 2, 3])).toStrictEqual([1, 2]);
  });

  it('types as dynamic, named set_<x>', () => {
    expect(MAKE_SET.returns([arg('guid')], 'kusto')).toBe('dynamic');
    expect(MAKE_SET.namePrefix).toBe('set');
  });

  it('obeys the merge law (as sets)', () => {
    checkMergeLaw(MAKE_SET, [arg('long')], one(orNull(fc.integer({ min: -10, max: 10 }))), sameMembers);
    checkMergeLaw(MAKE_SET, [arg('string')], one(smallStrings), sameMembers);
    checkMergeLaw(MAKE_SET, [arg('dynamic')],
      one(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }), fc.constant(null))),
      sameMembers);
  });

  it('keeps at most maxSize members, all of them from the input, however the rows were split', () => {
    checkMergeLaw(MAKE_SET, [arg('long'), arg('int', 3)], one(fc.integer({ min: 0, max: 9 })), (merged, whole) => {
      expect((merged as number[]).length).toBe((whole as number[]).length);
      expect(new Set(merged as number[]).size).toBe((merged as number[]).length);
    });
  });
});

describe('make_set_if', () => {
  it('keeps distinct values where the predicate is true', () => {
    expect(single(create(MAKE_SET_IF, [arg('long'), arg('bool')]), [[1, true], [2, false], [1, true], [3, true]]))
      .toStrictEqual([1, 3]);
  });

  it('obeys the merge law', () => {
    checkMergeLaw(MAKE_SET_IF, [arg('long'), arg('bool')],
      fc.tuple(orNull(fc.integer({ min: 0, max: 9 })), fc.boolean()).map(([v, p]) => [v, p]), sameMembers);
  });
});
