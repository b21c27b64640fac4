import { describe, expect, it } from 'vitest';
import { MS_PER_DAY, MS_PER_HOUR } from '../../values/value.js';
import { formatDatetime } from '../../values/datetime.js';
import { call, dt, i, l, r, s, ts, typeOf } from './test-kit.js';

describe('round', () => {
  // round-function.md examples.
  it('follows the documented examples', () => {
    expect(call('round', [r(2.98765), l(3)])).toBe(2.988);
    expect(call('round', [r(2.15), l(1)])).toBe(2.2);
    expect(call('round', [r(2.15)])).toBe(2);
    expect(call('round', [r(-50.55), l(-2)])).toBe(-100);
    expect(call('round', [r(21.5), l(-1)])).toBe(20);
  });
  it('rounds half away from zero and keeps the argument type', () => {
    expect(call('round', [r(2.5)])).toBe(3);
    expect(call('round', [r(-2.5)])).toBe(-3);
    expect(Object.is(call('round', [r(-0.2)]), 0)).toBe(true);
    expect(call('round', [l(15), l(-1)])).toBe(20);
    expect(call('round', [r(1e-7), l(2)])).toBe(0);
    expect(call('round', [r(null)])).toBeNull();
    expect(typeOf('round', 'long')).toBe('long');
    expect(typeOf('round', 'real', 'long')).toBe('real');
    expect(typeOf('round', 'string')).toMatchObject({ argIndex: 0 });
  });
});

describe('bin / floor', () => {
  // bin-function.md examples.
  it('follows the documented examples', () => {
    expect(call('bin', [r(4.5), l(1)])).toBe(4);
    expect(call('bin', [ts(16 * MS_PER_DAY), ts(7 * MS_PER_DAY)])).toBe(14 * MS_PER_DAY);
    expect(formatDatetime(call('bin', [dt('1970-05-11 13:45:07'), ts(MS_PER_DAY)]) as number)).toBe('1970-05-11T00:00:00Z');
  });
  it('rounds down, and gives null for a null, zero or negative size', () => {
    expect(call('bin', [r(-4.5), l(1)])).toBe(-5);
    expect(call('bin', [l(17), l(5)])).toBe(15);
    expect(call('floor', [r(4.5), l(1)])).toBe(4);
    expect(call('bin', [l(17), l(0)])).toBeNull();
    expect(call('bin', [l(17), l(-5)])).toBeNull();
    expect(call('bin', [l(null), l(5)])).toBeNull();
  });
  it('bins datetimes by hours, days and weeks counted from 0001-01-01 (a Monday)', () => {
    const bin = (d: string, size: number): string => formatDatetime(call('bin', [dt(d), ts(size)]) as number);
    expect(bin('2024-01-17 13:45:07.5', MS_PER_HOUR)).toBe('2024-01-17T13:00:00Z');
    expect(bin('2024-01-17 13:45', 7 * MS_PER_DAY)).toBe('2024-01-15T00:00:00Z');
    expect(bin('1969-12-31 23:00', MS_PER_DAY)).toBe('1969-12-31T00:00:00Z');
  });
  it('types results like Kusto', () => {
    expect(typeOf('bin', 'int', 'long')).toBe('long');
    expect(typeOf('bin', 'int', 'real')).toBe('real');
    expect(typeOf('bin', 'int', 'int')).toBe('int');
    expect(typeOf('bin', 'datetime', 'timespan')).toBe('datetime');
    expect(typeOf('bin', 'timespan', 'timespan')).toBe('timespan');
    expect(typeOf('bin', 'datetime', 'long')).toMatchObject({ argIndex: 1 });
    expect(typeOf('bin', 'string', 'long')).toMatchObject({ argIndex: 0 });
  });
  it('bin_at aligns bins on a fixed point', () => {
    expect(call('bin_at', [r(6.5), r(2.5), r(7)])).toBe(4.5);
    expect(call('bin_at', [ts(MS_PER_HOUR), ts(MS_PER_DAY), ts(12 * MS_PER_HOUR)])).toBe(-12 * MS_PER_HOUR);
    expect(formatDatetime(call('bin_at', [dt('2017-05-15 10:20'), ts(MS_PER_DAY), dt('2017-05-14 12:00')]) as number))
      .toBe('2017-05-14T12:00:00Z');
  });
});

describe('abs, ceiling, sign, pow and friends', () => {
  it('computes them with null propagation', () => {
    expect(call('abs', [l(-5)])).toBe(5);
    expect(call('abs', [ts(-MS_PER_HOUR)])).toBe(MS_PER_HOUR);
    expect(call('abs', [r(null)])).toBeNull();
    expect(call('ceiling', [r(1.2)])).toBe(2);
    expect(Object.is(call('ceiling', [r(-0.5)]), 0)).toBe(true);
    expect(call('sign', [r(-3)])).toBe(-1);
    expect(call('sign', [l(0)])).toBe(0);
    expect(call('pow', [l(2), l(10)])).toBe(1024);
    expect(call('pow', [l(2), l(null)])).toBeNull();
    expect(call('exp', [l(0)])).toBe(1);
    expect(call('exp2', [l(3)])).toBe(8);
    expect(call('exp10', [l(2)])).toBe(100);
  });
  it('gives null for logarithms and roots of negative numbers', () => {
    expect(call('log', [l(5)])).toBeCloseTo(1.6094379124341003, 15); // log-function.md
    expect(call('log10', [l(1000)])).toBe(3);
    expect(call('log2', [l(8)])).toBe(3);
    expect(call('sqrt', [l(9)])).toBe(3);
    expect(call('log', [l(-1)])).toBeNull();
    expect(call('sqrt', [r(-4)])).toBeNull();
    expect(call('log', [l(0)])).toBe(-Infinity);
  });
  it('types results like Kusto', () => {
    expect(typeOf('abs', 'int')).toBe('long');
    expect(typeOf('abs', 'real')).toBe('real');
    expect(typeOf('abs', 'timespan')).toBe('timespan');
    expect(typeOf('ceiling', 'int')).toBe('int');
    expect(typeOf('sqrt', 'long')).toBe('real');
    expect(typeOf('sign', 'int')).toBe('real');
    expect(typeOf('pow', 'long', 'string')).toMatchObject({ argIndex: 1 });
  });
  it('tests reals', () => {
    expect(call('isnan', [r(NaN)])).toBe(true);
    expect(call('isnan', [l(1)])).toBe(false);
    expect(call('isfinite', [r(Infinity)])).toBe(false);
    expect(call('isinf', [r(-Infinity)])).toBe(true);
    expect(call('isnan', [r(null)])).toBeNull();
  });
  it('tohex', () => {
    expect(call('tohex', [l(256)])).toBe('100');
    expect(call('tohex', [l(-1)])).toBe('ffffffffffffffff');
    expect(call('tohex', [l(10), l(4)])).toBe('000a');
  });
});

describe('min_of / max_of', () => {
  // min-of-function.md examples: non-null values take precedence.
  it('follows the documented examples', () => {
    expect(call('min_of', [l(10), l(1), l(-3), l(17)])).toBe(-3);
    expect(call('max_of', [l(10), l(1), l(-3), l(17)])).toBe(17);
    expect(call('min_of', [i(null), i(3)])).toBe(3);
    expect(call('min_of', [i(1), i(null)])).toBe(1);
    expect(call('min_of', [i(null), i(null)])).toBeNull();
  });
  it('compares strings and datetimes, and refuses mixed types', () => {
    expect(call('max_of', [s('abc'), s('abd')])).toBe('abd');
    expect(call('min_of', [dt('2020-01-02'), dt('2020-01-01')])).toBe(Date.UTC(2020, 0, 1));
    expect(typeOf('max_of', 'int', 'real')).toBe('real');
    expect(typeOf('max_of', 'datetime', 'long')).toHaveProperty('error');
  });
});
