import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Value } from '../../values/value.js';
import { ARG_MAX, ARG_MIN } from './arg-max.js';
import { arg, checkMergeLaw, create, orNull, single, smallStrings } from './merge-law.test-helpers.js';

const LS = [arg('long'), arg('string')];

describe('arg_max and arg_min', () => {
  it('return the row values where the key is largest / smallest', () => {
    const rows: Value[][] = [[3, 'c'], [7, 'g'], [null, 'n'], [1, 'a']];
    expect(single(create(ARG_MAX, LS), rows)).toStrictEqual([7, 'g']);
    expect(single(create(ARG_MIN, LS), rows)).toStrictEqual([1, 'a']);
  });

  it('ignore rows with a null key unless all keys are null', () => {
    expect(single(create(ARG_MAX, LS), [[null, 'z'], [2, 'b']])).toStrictEqual([2, 'b']);
    expect(single(create(ARG_MAX, LS), [[null, 'z'], [null, 'a']])).toStrictEqual([null, 'a']);
  });

  it('break ties by the smallest row, whatever the order', () => {
    expect(single(create(ARG_MAX, LS), [[5, 'q'], [5, 'b'], [5, 'k']])).toStrictEqual([5, 'b']);
    expect(single(create(ARG_MAX, LS), [[5, 'k'], [5, 'q'], [5, 'b']])).toStrictEqual([5, 'b']);
  });

  it('give nulls ("" for strings) for an empty group', () => {
    expect(single(create(ARG_MIN, LS), [])).toStrictEqual([null, '']);
  });

  it('work on string and datetime keys, and carry NaN/Infinity in the other values', () => {
    expect(single(create(ARG_MAX, [arg('string'), arg('real')]), [['a', NaN], ['b', Infinity]])).toStrictEqual(['b', Infinity]);
    const impl = create(ARG_MIN, [arg('datetime'), arg('real')]);
    const s = JSON.parse(JSON.stringify(impl.add(impl.init(), [1000, -Infinity])));
    expect(impl.result(impl.add(s, [2000, 1]))).toStrictEqual([1000, -Infinity]);
  });

  it('type as the key, refuse an unorderable key, accept *', () => {
    expect(ARG_MAX.returns([arg('long'), arg('string')], 'kusto')).toBe('long');
    expect(ARG_MAX.returns([arg('dynamic'), arg('long')], 'kusto')).toMatchObject({ argIndex: 0 });
    expect(ARG_MAX.acceptsStar).toBe(true);
  });

  it('name columns as the official binder does', () => {
    const names = (fn: typeof ARG_MAX, n: (string | undefined)[]) =>
      fn.outputs!(n.map(() => arg('long')), n).map((o) => o.name);
    expect(names(ARG_MAX, ['x', 'y', 's'])).toStrictEqual(['x', 'y', 's']);
    expect(names(ARG_MAX, [undefined, 'y'])).toStrictEqual(['max_', 'y']);
    expect(names(ARG_MAX, ['x', undefined, 's'])).toStrictEqual(['x', 'max_x_arg1', 's']);
    expect(names(ARG_MIN, [undefined, undefined])).toStrictEqual(['min_', 'min__arg1']);
  });

  it('obey the merge law exactly, ties included', () => {
    const row = fc.tuple(orNull(fc.integer({ min: 0, max: 4 })), smallStrings, orNull(fc.double({ noNaN: false })))
      .map(([k, s, r]) => [k, s, r] as Value[]);
    const types = [arg('long'), arg('string'), arg('real')];
    checkMergeLaw(ARG_MAX, types, row);
    checkMergeLaw(ARG_MIN, types, row);
    checkMergeLaw(ARG_MAX, [arg('string'), arg('long')], fc.tuple(smallStrings, fc.integer()).map(([a, b]) => [a, b]));
  });

  it('give the same answer for any row order', () => {
    const row = fc.tuple(orNull(fc.integer({ min: 0, max: 3 })), fc.integer({ min: 0, max: 3 })).map(([a, b]) => [a, b] as Value[]);
    fc.assert(fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
      const impl = create(ARG_MAX, [arg('long'), arg('long')]);
      expect(single(impl, [...rows].reverse())).toStrictEqual(single(impl, rows));
    }), { numRuns: 200 });
  });
});
