import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AVG, AVGIF } from './avg.js';
import { arg, checkMergeLaw, create, longs, one, orNull, over, reals, single } from './merge-law.test-helpers.js';

describe('avg', () => {
  it('averages the non-null values', () => {
    expect(over(AVG, [arg('long')], [1, 2, null, 4])).toBeCloseTo(7 / 3, 12);
    expect(over(AVG, [arg('int')], [1, 2])).toBe(1.5);
    expect(over(AVG, [arg('timespan')], [1000, 3000])).toBe(2000);
  });

  it('is null with nothing to average', () => {
    expect(over(AVG, [arg('real')], [])).toBeNull();
    expect(over(AVG, [arg('real')], [null])).toBeNull();
  });

  it('types numbers as real and keeps timespan/datetime; refuses bool and string', () => {
    expect(AVG.returns([arg('int')], 'kusto')).toBe('real');
    expect(AVG.returns([arg('long')], 'kusto')).toBe('real');
    expect(AVG.returns([arg('timespan')], 'kusto')).toBe('timespan');
    expect(AVG.returns([arg('datetime')], 'kusto')).toBe('datetime');
    expect(AVG.returns([arg('bool')], 'kusto')).toMatchObject({ argIndex: 0 });
    expect(AVG.returns([arg('string')], 'kusto')).toMatchObject({ argIndex: 0 });
  });

  it('obeys the merge law within 1e-9', () => {
    checkMergeLaw(AVG, [arg('long')], one(orNull(longs)), undefined, () => 1e-3);
    checkMergeLaw(AVG, [arg('real')], one(orNull(reals)), undefined,
      (rows) => rows.reduce((m, r) => Math.max(m, Math.abs((r[0] as number) ?? 0)), 0));
  });
});

describe('avgif', () => {
  it('averages where the predicate is true', () => {
    expect(single(create(AVGIF, [arg('long'), arg('bool')]), [[1, true], [100, false], [3, true]])).toBe(2);
  });

  it('obeys the merge law', () => {
    checkMergeLaw(AVGIF, [arg('real'), arg('bool')], fc.tuple(orNull(reals), fc.boolean()).map(([v, p]) => [v, p]),
      undefined, (rows) => rows.reduce((m, r) => Math.max(m, Math.abs((r[0] as number) ?? 0)), 0));
  });
});
