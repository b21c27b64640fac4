import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUM, SUMIF } from './sum.js';
import { arg, checkMergeLaw, create, longs, one, orNull, over, reals, single } from './merge-law.test-helpers.js';

describe('sum', () => {
  it('adds the non-null values', () => {
    expect(over(SUM, [arg('long')], [1, null, 2, 3])).toBe(6);
    expect(over(SUM, [arg('real')], [0.5, 0.25, null])).toBe(0.75);
    expect(over(SUM, [arg('timespan')], [1000, 60_000])).toBe(61_000);
  });

  it('gives 0 for nothing to add (the summarize default), null for datetime', () => {
    expect(over(SUM, [arg('long')], [])).toBe(0);
    expect(over(SUM, [arg('long')], [null, null])).toBe(0);
    expect(over(SUM, [arg('datetime')], [null])).toBeNull();
  });

  it('keeps precision where a naive sum would lose it', () => {
    expect(over(SUM, [arg('real')], [1e16, 1, -1e16])).toBe(1);
    expect(over(SUM, [arg('real')], [0.1, 0.2, 0.3])).toBe(0.6);
  });

  it('carries infinities and NaN through JSON states', () => {
    expect(over(SUM, [arg('real')], [1, Infinity, 2])).toBe(Infinity);
    expect(over(SUM, [arg('real')], [Infinity, -Infinity])).toBeNaN();
    expect(over(SUM, [arg('real')], [1.7e308, 1.7e308])).toBe(Infinity);
    const impl = create(SUM, [arg('real')]);
    const s = JSON.parse(JSON.stringify(impl.add(impl.init(), [NaN])));
    expect(impl.result(s)).toBeNaN();
  });

  it('types int and long as long, keeps real/timespan/datetime, refuses the rest', () => {
    expect(SUM.returns([arg('int')], 'kusto')).toBe('long');
    expect(SUM.returns([arg('long')], 'kusto')).toBe('long');
    expect(SUM.returns([arg('real')], 'kusto')).toBe('real');
    expect(SUM.returns([arg('timespan')], 'kusto')).toBe('timespan');
    expect(SUM.returns([arg('datetime')], 'kusto')).toBe('datetime');
    for (const t of ['string', 'bool', 'dynamic', 'guid'] as const) {
      const r = SUM.returns([arg(t)], 'kusto');
      expect(r).toMatchObject({ argIndex: 0 });
      expect((r as { error: string }).error).toContain(`sum(): argument 1 (expr)`);
    }
  });

  it('obeys the merge law: exactly for integers, within 1e-9 for reals', () => {
    checkMergeLaw(SUM, [arg('long')], one(orNull(longs)));
    checkMergeLaw(SUM, [arg('real')], one(orNull(reals)), undefined,
      (rows) => rows.reduce((m, r) => m + Math.abs((r[0] as number) ?? 0), 0));
  });
});

describe('sumif', () => {
  it('adds only where the predicate is true', () => {
    const impl = create(SUMIF, [arg('long'), arg('bool')]);
    expect(single(impl, [[1, true], [2, false], [4, null], [8, true], [null, true]])).toBe(9);
  });

  it('refuses a non-bool predicate', () => {
    expect(SUMIF.returns([arg('long'), arg('long')], 'kusto')).toMatchObject({ argIndex: 1 });
  });

  it('obeys the merge law', () => {
    checkMergeLaw(SUMIF, [arg('long'), arg('bool')], fc.tuple(orNull(longs), orNull(fc.boolean())).map(([v, p]) => [v, p]));
  });
});
