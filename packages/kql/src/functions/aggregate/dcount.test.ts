import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNT_DISTINCT, DCOUNT, DCOUNTIF } from './dcount.js';
import { arg, checkMergeLaw, create, longs, one, orNull, over, reals, single, smallStrings } from './merge-law.test-helpers.js';

describe('dcount', () => {
  it('counts distinct non-null values exactly', () => {
    expect(over(DCOUNT, [arg('long')], [1, 2, 2, null, 3, 1])).toBe(3);
    expect(over(DCOUNT, [arg('string')], ['a', 'A', 'a', ''])).toBe(3);
    expect(over(DCOUNT, [arg('long')], [])).toBe(0);
    expect(over(COUNT_DISTINCT, [arg('bool')], [true, false, null, true])).toBe(2);
  });

  it('keys dynamic values by JSON, keeping 1 and "1" apart', () => {
    expect(over(DCOUNT, [arg('dynamic')], [1, '1', [1], { a: 1 }, { a: 1 }, null])).toBe(4);
  });

  it('is safe with keys that look like Object.prototype members', () => {
    expect(over(DCOUNT, [arg('string')], ['__proto__', 'constructor', 'toString', '__proto__'])).toBe(3);
    const impl = create(DCOUNT, [arg('string')]);
    const a = JSON.parse(JSON.stringify(impl.add(impl.init(), ['__proto__'])));
    const b = JSON.parse(JSON.stringify(impl.add(impl.init(), ['hasOwnProperty'])));
    expect(impl.result(impl.merge(a, b))).toBe(2);
  });

  it('accepts and ignores the accuracy argument', () => {
    expect(DCOUNT.returns([arg('long'), arg('int', 2)], 'kusto')).toBe('long');
    expect(over(DCOUNT, [arg('long'), arg('int', 4)], [1, 1, 2])).toBe(2);
    expect(DCOUNT.returns([arg('long'), arg('string')], 'kusto')).toMatchObject({ argIndex: 1 });
  });

  it('obeys the merge law', () => {
    checkMergeLaw(DCOUNT, [arg('long')], one(orNull(fc.integer({ min: -20, max: 20 }))));
    checkMergeLaw(DCOUNT, [arg('long')], one(orNull(longs)));
    checkMergeLaw(DCOUNT, [arg('real')], one(orNull(fc.oneof(reals, fc.constantFrom(NaN, Infinity, -0, 0)))));
    checkMergeLaw(DCOUNT, [arg('string')], one(smallStrings));
    checkMergeLaw(DCOUNT, [arg('dynamic')], one(fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<never>));
  });
});

describe('dcountif', () => {
  it('counts distinct values where the predicate is true', () => {
    const impl = create(DCOUNTIF, [arg('long'), arg('bool')]);
    expect(single(impl, [[1, true], [2, false], [1, true], [3, true]])).toBe(2);
  });

  it('obeys the merge law', () => {
    const row = fc.tuple(orNull(fc.integer({ min: 0, max: 9 })), fc.boolean()).map(([v, p]) => [v, p]);
    checkMergeLaw(DCOUNTIF, [arg('long'), arg('bool')], row);
  });
});
