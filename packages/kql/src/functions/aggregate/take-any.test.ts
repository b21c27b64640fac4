import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Value } from '../../values/value.js';
import { ANY, ANYIF, TAKE_ANY, TAKE_ANYIF } from './take-any.js';
import { arg, checkMergeLaw, create, orNull, single, smallStrings } from './merge-law.test-helpers.js';

describe('take_any', () => {
  it('with one argument, picks the first value that is neither null nor empty', () => {
    expect(single(create(TAKE_ANY, [arg('long')]), [[null], [4], [5]])).toStrictEqual([4]);
    expect(single(create(TAKE_ANY, [arg('string')]), [[''], ['a'], ['b']])).toStrictEqual(['a']);
    expect(single(create(TAKE_ANY, [arg('string')]), [[''], ['']])).toStrictEqual(['']);
    expect(single(create(TAKE_ANY, [arg('long')]), [])).toStrictEqual([null]);
  });

  it('with several arguments, takes all values from one row (the first)', () => {
    expect(single(create(TAKE_ANY, [arg('long'), arg('string')]), [[null, 'a'], [2, 'b']])).toStrictEqual([null, 'a']);
  });

  it('merge keeps the left pick unless only the right one is non-empty', () => {
    const impl = create(TAKE_ANY, [arg('long')]);
    const empty = impl.add(impl.init(), [null]);
    const full = impl.add(impl.init(), [9]);
    expect(impl.result(impl.merge(empty, full))).toStrictEqual([9]);
    expect(impl.result(impl.merge(impl.add(impl.init(), [1]), impl.add(impl.init(), [2])))).toStrictEqual([1]);
  });

  it('names columns like the official binder', () => {
    const ls = [arg('long'), arg('real'), arg('string')];
    expect(TAKE_ANY.outputs!(ls, ['x', undefined, 's']).map((o) => o.name)).toStrictEqual(['x', 'any_arg1', 's']);
    expect(ANY.outputs!(ls, ['x', undefined, 's']).map((o) => o.name)).toStrictEqual(['any_x', 'any_', 'any_s']);
    expect(TAKE_ANYIF.outputs!([arg('long'), arg('bool')], [undefined, 'b']).map((o) => o.name)).toStrictEqual(['']);
    expect(TAKE_ANY.acceptsStar && ANY.acceptsStar).toBe(true);
  });

  it('obeys the merge law', () => {
    checkMergeLaw(TAKE_ANY, [arg('long')], orNull(fc.integer({ min: 0, max: 3 })).map((v) => [v]));
    checkMergeLaw(TAKE_ANY, [arg('string')], fc.constantFrom('', 'a', 'b').map((v) => [v]));
    checkMergeLaw(TAKE_ANY, [arg('long'), arg('string'), arg('real')],
      fc.tuple(orNull(fc.integer()), smallStrings, fc.constantFrom(NaN, Infinity, 1.5, null)).map((r) => [...r] as Value[]));
  });
});

describe('take_anyif and anyif', () => {
  it('pick among the rows where the predicate is true', () => {
    const rows: Value[][] = [[1, false], [null, true], [3, true], [4, true]];
    expect(single(create(TAKE_ANYIF, [arg('long'), arg('bool')]), rows)).toStrictEqual([3]);
    expect(single(create(ANYIF, [arg('long'), arg('bool')]), rows)).toBe(3);
    expect(TAKE_ANYIF.returns([arg('long'), arg('long')], 'kusto')).toMatchObject({ argIndex: 1 });
  });

  it('obey the merge law', () => {
    const row = fc.tuple(orNull(fc.integer({ min: 0, max: 3 })), fc.boolean()).map(([v, p]) => [v, p] as Value[]);
    checkMergeLaw(TAKE_ANYIF, [arg('long'), arg('bool')], row);
    checkMergeLaw(ANYIF, [arg('long'), arg('bool')], row);
  });
});
