import { describe, expect, it } from 'vitest';
import { formatDatetime } from '../../values/datetime.js';
import { MS_PER_DAY, MS_PER_HOUR } from '../../values/value.js';
import { call, dt, l, NOW, r, s, ts, typeOf } from './test-kit.js';
import { analyze } from '../../query.js';

const iso = (v: unknown): string => formatDatetime(v as number);

describe('now / ago', () => {
  it('read the injected clock', () => {
    expect(call('now', [])).toBe(NOW);
    expect(call('now', [ts(-MS_PER_HOUR)])).toBe(NOW - MS_PER_HOUR);
    expect(call('ago', [ts(MS_PER_DAY)])).toBe(NOW - MS_PER_DAY);
    expect(call('ago', [ts(null)])).toBeNull();
  });
  it('refuse non-timespans', () => {
    expect(typeOf('ago', 'long')).toMatchObject({ argIndex: 0 });
  });
});

describe('datetime_diff', () => {
  // datetime-diff-function.md: 17 2 13 5 29 2 5 10 100 100 -700.
  it('follows the documented examples', () => {
    expect(call('datetime_diff', [s('year'), dt('2017-01-01'), dt('2000-12-31')])).toBe(17);
    expect(call('datetime_diff', [s('quarter'), dt('2017-07-01'), dt('2017-03-30')])).toBe(2);
    expect(call('datetime_diff', [s('month'), dt('2017-01-01'), dt('2015-12-30')])).toBe(13);
    expect(call('datetime_diff', [s('week'), dt('2017-10-29 00:00'), dt('2017-09-30 23:59')])).toBe(5);
    expect(call('datetime_diff', [s('day'), dt('2017-10-29 00:00'), dt('2017-09-30 23:59')])).toBe(29);
    expect(call('datetime_diff', [s('hour'), dt('2017-10-31 01:00'), dt('2017-10-30 23:59')])).toBe(2);
    expect(call('datetime_diff', [s('minute'), dt('2017-10-30 23:05:01'), dt('2017-10-30 23:00:59')])).toBe(5);
    expect(call('datetime_diff', [s('second'), dt('2017-10-30 23:00:10.100'), dt('2017-10-30 23:00:00.900')])).toBe(10);
    expect(call('datetime_diff', [s('millisecond'), dt('2017-10-30 23:00:00.200100'), dt('2017-10-30 23:00:00.100900')])).toBe(100);
    expect(call('datetime_diff', [s('microsecond'), dt('2017-10-30 23:00:00.1009001'), dt('2017-10-30 23:00:00.1008009')])).toBe(100);
    expect(call('datetime_diff', [s('nanosecond'), dt('2017-10-30 23:00:00.0000000'), dt('2017-10-30 23:00:00.0000007')])).toBe(-700);
  });
  it('is case-insensitive, negative when reversed, null for null', () => {
    expect(call('datetime_diff', [s('Day'), dt('2020-01-01'), dt('2020-01-03')])).toBe(-2);
    expect(call('datetime_diff', [s('day'), dt(null), dt('2020-01-03')])).toBeNull();
    expect(call('datetime_diff', [s('day'), dt('2020-01-01 23:59'), dt('2020-01-01 00:00')])).toBe(0);
  });
  it('refuses an unknown constant period and returns a long', () => {
    expect(typeOf('datetime_diff', 'string', 'datetime', 'datetime')).toBe('long');
    expect(() => call('datetime_diff', [s('days'), dt('2020-01-01'), dt('2020-01-01')])).toThrow(/unknown period/);
  });
});

describe('datetime_add', () => {
  // datetime-add-function.md examples.
  it('follows the documented examples', () => {
    const base = dt('2017-01-01');
    const add = (p: string, n: number): string => iso(call('datetime_add', [s(p), l(n), base]));
    expect(add('year', 1)).toBe('2018-01-01T00:00:00Z');
    expect(add('quarter', 1)).toBe('2017-04-01T00:00:00Z');
    expect(add('month', 1)).toBe('2017-02-01T00:00:00Z');
    expect(add('week', 1)).toBe('2017-01-08T00:00:00Z');
    expect(add('day', 1)).toBe('2017-01-02T00:00:00Z');
    expect(add('hour', 1)).toBe('2017-01-01T01:00:00Z');
    expect(add('minute', 1)).toBe('2017-01-01T00:01:00Z');
    expect(add('second', 1)).toBe('2017-01-01T00:00:01Z');
    expect(add('year', -5)).toBe('2012-01-01T00:00:00Z');
    expect(add('quarter', 12)).toBe('2020-01-01T00:00:00Z');
    expect(add('month', -15)).toBe('2015-10-01T00:00:00Z');
    expect(add('week', 100)).toBe('2018-12-02T00:00:00Z');
  });
  it('clips the day to the end of a shorter month', () => {
    expect(iso(call('datetime_add', [s('month'), l(1), dt('2021-01-31 10:00')]))).toBe('2021-02-28T10:00:00Z');
    expect(iso(call('datetime_add', [s('year'), l(1), dt('2020-02-29')]))).toBe('2021-02-28T00:00:00Z');
  });
  it('refuses a non-integer amount', () => {
    expect(typeOf('datetime_add', 'string', 'real', 'datetime')).toMatchObject({ argIndex: 1 });
  });
});

describe('datetime_part and the part functions', () => {
  // datetime-part-function.md: 2017 4 10 44 30 303 1 2 3 765 765432 765432100.
  it('follows the documented example', () => {
    const d = dt('2017-10-30 01:02:03.7654321');
    const part = (p: string): unknown => call('datetime_part', [s(p), d]);
    expect(part('year')).toBe(2017);
    expect(part('quarter')).toBe(4);
    expect(part('month')).toBe(10);
    expect(part('week_of_year')).toBe(44);
    expect(part('day')).toBe(30);
    expect(part('dayOfYear')).toBe(303);
    expect(part('hour')).toBe(1);
    expect(part('minute')).toBe(2);
    expect(part('second')).toBe(3);
    expect(part('millisecond')).toBe(765);
    expect(part('microsecond')).toBe(765432);
    expect(part('nanosecond')).toBe(765432100);
    expect(typeOf('datetime_part', 'string', 'datetime')).toBe('int');
  });
  it('computes the single-part functions', () => {
    const d = dt('2017-10-30 01:02:03');
    expect(call('getyear', [d])).toBe(2017);
    expect(call('getmonth', [d])).toBe(10);
    expect(call('monthofyear', [d])).toBe(10);
    expect(call('dayofmonth', [d])).toBe(30);
    expect(call('dayofyear', [d])).toBe(303);
    expect(call('hourofday', [d])).toBe(1);
    expect(call('week_of_year', [dt('2021-01-03')])).toBe(53); // ISO: 2021-01-03 is in week 53 of 2020
    expect(call('week_of_year', [dt('2021-01-04')])).toBe(1);
    expect(call('getyear', [dt(null)])).toBeNull();
  });
  it('dayofweek is a timespan of days since Sunday', () => {
    expect(call('dayofweek', [dt('1947-11-30 10:00:05')])).toBe(0); // a Sunday
    expect(call('dayofweek', [dt('1970-05-11')])).toBe(MS_PER_DAY); // a Monday
    expect(call('dayofweek', [dt('2024-01-13 23:00')])).toBe(6 * MS_PER_DAY); // a Saturday
    expect(typeOf('dayofweek', 'datetime')).toBe('timespan');
  });
});

describe('startof / endof', () => {
  const d = dt('2017-01-11 10:20:30.5'); // a Wednesday
  it('starts periods (weeks on Sunday) with optional offsets', () => {
    expect(iso(call('startofday', [d]))).toBe('2017-01-11T00:00:00Z');
    expect(iso(call('startofday', [d, l(-1)]))).toBe('2017-01-10T00:00:00Z');
    expect(iso(call('startofweek', [d]))).toBe('2017-01-08T00:00:00Z');
    expect(iso(call('startofweek', [d, l(1)]))).toBe('2017-01-15T00:00:00Z');
    expect(iso(call('startofmonth', [d]))).toBe('2017-01-01T00:00:00Z');
    expect(iso(call('startofmonth', [d, l(-2)]))).toBe('2016-11-01T00:00:00Z');
    expect(iso(call('startofyear', [d]))).toBe('2017-01-01T00:00:00Z');
    expect(iso(call('startofyear', [d, l(1)]))).toBe('2018-01-01T00:00:00Z');
  });
  it('ends periods one tick before the next', () => {
    // Near 1970 a tick is representable exactly.
    expect(iso(call('endofday', [dt('1970-01-02 10:00')]))).toBe('1970-01-02T23:59:59.9999999Z');
    // Present-day ms values carry ~2.4 ticks of precision: the end is the last value before the next start.
    const end = (name: string, ...extra: ReturnType<typeof l>[]): string => iso(call(name, [d, ...extra]));
    expect(end('endofday')).toMatch(/^2017-01-11T23:59:59\.99999\d+Z$/);
    expect(end('endofweek')).toMatch(/^2017-01-14T23:59:59\.99999/);
    expect(end('endofmonth')).toMatch(/^2017-01-31T23:59:59\.99999/);
    expect(end('endofyear', l(-1))).toMatch(/^2016-12-31T23:59:59\.99999/);
    expect(iso(call('endofmonth', [dt('2016-02-10'), l(0)]))).toMatch(/^2016-02-29T23:59:59\.99999/);
    expect(call('endofday', [d]) as number).toBeLessThan(dt('2017-01-12')[0] as number);
    expect(call('endofday', [dt(null)])).toBeNull();
  });
});

describe('format_datetime', () => {
  it('refuses an empty format, as Kusto does (KS133)', () => {
    const a = analyze('print format_datetime(now(), "")', { dialect: 'kusto' });
    expect(a.diagnostics.map((d) => [d.severity, d.span.start])).toEqual([['error', 29]]);
    expect(analyze('print format_datetime(now(), "yyyy")').diagnostics).toEqual([]);
  });
  // format-datetime-function.md examples and format table.
  it('follows the documented examples', () => {
    const d = dt('2017-01-29 09:00:05');
    expect(call('format_datetime', [d, s('yy-MM-dd [HH:mm:ss]')])).toBe('17-01-29 [09:00:05]');
    expect(call('format_datetime', [d, s('yyyy-M-dd [H:mm:ss]')])).toBe('2017-1-29 [9:00:05]');
    expect(call('format_datetime', [d, s('yy-MM-dd [hh:mm:ss tt]')])).toBe('17-01-29 [09:00:05 AM]');
  });
  it('formats each specifier', () => {
    const d = dt('2009-06-15T13:45:30.6175425');
    const f = (fmt: string): unknown => call('format_datetime', [d, s(fmt)]);
    expect(f('d dd M MM y yy yyyy')).toBe('15 15 6 06 9 09 2009');
    expect(f('h hh H HH m mm s ss tt')).toBe('1 01 13 13 45 45 30 30 PM');
    expect(f('f ff fff ffff fffff ffffff fffffff')).toBe('6 61 617 6175 61754 617542 6175425');
    expect(f('FFFFFFF')).toBe('6175425');
    expect(call('format_datetime', [dt('2009-06-15T13:45:30.05'), s('F')])).toBe('');
    expect(call('format_datetime', [dt('2009-06-15T13:45:30'), s('ss.FFF')])).toBe('30');
    expect(call('format_datetime', [dt('2009-06-15T13:45:30.617'), s('ss.FFFFFFF')])).toBe('30.617');
    expect(call('format_datetime', [dt('2009-06-01T00:05:00'), s('d/M/yyyy h:mm tt')])).toBe('1/6/2009 12:05 AM');
    expect(call('format_datetime', [dt(null), s('yyyy')])).toBe('');
  });
});

describe('make_datetime / make_timespan / unixtime', () => {
  it('builds datetimes, null when invalid', () => {
    expect(iso(call('make_datetime', [l(2017), l(10), l(1)]))).toBe('2017-10-01T00:00:00Z');
    expect(iso(call('make_datetime', [l(2017), l(10), l(1), l(12), l(10), r(5.5)]))).toBe('2017-10-01T12:10:05.5Z');
    expect(call('make_datetime', [l(2017), l(2), l(30)])).toBeNull();
    expect(call('make_datetime', [l(2017), l(13), l(1)])).toBeNull();
    expect(call('make_datetime', [l(2017), l(null), l(1)])).toBeNull();
  });
  it('builds timespans from hours-minutes-seconds or days-hours-minutes-seconds', () => {
    expect(call('make_timespan', [l(1), l(12), l(30)])).toBe(MS_PER_HOUR + 12 * 60_000 + 30_000);
    expect(call('make_timespan', [l(2), l(1), l(12), l(30)])).toBe(2 * MS_PER_DAY + MS_PER_HOUR + 12 * 60_000 + 30_000);
    expect(call('make_timespan', [l(1), l(0)])).toBe(MS_PER_HOUR);
  });
  it('converts unix times', () => {
    expect(iso(call('unixtime_seconds_todatetime', [l(1546300800)]))).toBe('2019-01-01T00:00:00Z');
    expect(iso(call('unixtime_milliseconds_todatetime', [l(1546300800123)]))).toBe('2019-01-01T00:00:00.123Z');
  });
});
