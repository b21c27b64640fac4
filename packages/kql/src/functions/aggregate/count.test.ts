import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNT, COUNTIF } from './count.js';
import { arg, checkMergeLaw, create, orNull, single } from './merge-law.test-helpers.js';

describe('count', () => {
  it('counts rows, nulls included', () => {
    expect(single(create(COUNT, []), [[], [], []])).toBe(3);
    expect(single(create(COUNT, []), [])).toBe(0);
    expect(COUNT.returns([], 'kusto')).toBe('long');
  });

  it('obeys the merge law', () => {
    checkMergeLaw(COUNT, [], fc.constant([]));
  });
});

describe('countif', () => {
  it('counts rows whose predicate is true; null counts as false', () => {
    expect(single(create(COUNTIF, [arg('bool')]), [[true], [false], [null], [true]])).toBe(2);
  });

  it('refuses a non-bool predicate, naming the argument', () => {
    const r = COUNTIF.returns([arg('long')], 'kusto');
    expect(r).toMatchObject({ argIndex: 0 });
    expect((r as { error: string }).error).toMatch(/countif\(\).*predicate.*bool.*long/);
  });

  it('obeys the merge law', () => {
    checkMergeLaw(COUNTIF, [arg('bool')], orNull(fc.boolean()).map((b) => [b]));
  });
});
