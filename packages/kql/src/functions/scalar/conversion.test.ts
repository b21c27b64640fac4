import { describe, expect, it } from 'vitest';
import { MS_PER_HOUR } from '../../values/value.js';
import { b, call, dt, dyn, i, l, r, s, ts, typeOf } from './test-kit.js';

describe('tostring', () => {
  // tostring-function.md: null gives "".
  it('renders each type', () => {
    expect(call('tostring', [l(123)])).toBe('123');
    expect(call('tostring', [r(1)])).toBe('1');
    expect(call('tostring', [r(1.5)])).toBe('1.5');
    expect(call('tostring', [b(true)])).toBe('true');
    expect(call('tostring', [dt('2020-01-02 03:04:05')])).toBe('2020-01-02T03:04:05Z');
    expect(call('tostring', [ts(90 * 60_000)])).toBe('01:30:00');
    expect(call('tostring', [dyn({ a: [1, 'x'] })])).toBe('{"a":[1,"x"]}');
    expect(call('tostring', [dyn('text')])).toBe('text');
    expect(call('tostring', [l(null)])).toBe('');
  });
  it('names its column after its argument', () => {
    expect(typeOf('tostring', 'long')).toBe('string');
  });
});

describe('toint / tolong / todouble', () => {
  // toint-function.md: toint("123") == 123, toint(2.3) == 2.
  it('follows the documented examples', () => {
    expect(call('toint', [s('123')])).toBe(123);
    expect(call('toint', [r(2.3)])).toBe(2);
  });
  it('truncates, and gives null when the value cannot be converted', () => {
    expect(call('toint', [r(2.9)])).toBe(2);
    expect(call('toint', [r(-2.9)])).toBe(-2);
    expect(call('toint', [s('abc')])).toBeNull();
    expect(call('tolong', [s(' 42 ')])).toBe(42);
    expect(call('tolong', [s('')])).toBeNull();
    expect(call('tolong', [b(true)])).toBe(1);
    expect(call('tolong', [dyn(7)])).toBe(7);
    expect(call('tolong', [dyn('8')])).toBe(8);
    expect(call('tolong', [dyn([1])])).toBeNull();
    expect(call('tolong', [ts(1000)])).toBe(10_000_000); // ticks
    expect(call('todouble', [s('1.5e3')])).toBe(1500);
    expect(call('todouble', [s('NaN')])).toBeNaN();
    expect(call('toreal', [s('x1')])).toBeNull();
    expect(call('todouble', [i(3)])).toBe(3);
  });
  it('has Kusto’s result types', () => {
    expect(typeOf('toint', 'string')).toBe('int');
    expect(typeOf('tolong', 'real')).toBe('long');
    expect(typeOf('toreal', 'string')).toBe('real');
    expect(typeOf('todecimal', 'string')).toBe('real');
  });
});

describe('tobool', () => {
  // tobool-function.md examples.
  it('follows the documented examples', () => {
    expect(call('tobool', [s('true')])).toBe(true);
    expect(call('tobool', [s('false')])).toBe(false);
    expect(call('tobool', [l(1)])).toBe(true);
    expect(call('tobool', [l(123)])).toBe(true);
  });
  it('gives null for text that is no bool', () => {
    expect(call('toboolean', [s('TRUE')])).toBe(true);
    expect(call('tobool', [s('yes')])).toBeNull();
    expect(call('tobool', [l(0)])).toBe(false);
  });
});

describe('todatetime / totimespan / toguid', () => {
  it('parses text', () => {
    expect(call('todatetime', [s('2015-12-31 23:59:59.9')])).toBe(Date.UTC(2015, 11, 31, 23, 59, 59, 900));
    expect(call('todatetime', [s('not a date')])).toBeNull();
    expect(call('totimespan', [s('1.02:00:00')])).toBe(26 * MS_PER_HOUR);
    expect(call('totimespan', [s('2h')])).toBe(2 * MS_PER_HOUR);
    expect(call('totimespan', [s('x')])).toBeNull();
    expect(call('toguid', [s('12E8B78D-55B4-46AE-B068-26D7A0080254')])).toBe('12e8b78d-55b4-46ae-b068-26d7a0080254');
    expect(call('toguid', [s('{12e8b78d55b446aeb06826d7a0080254}')])).toBe('12e8b78d-55b4-46ae-b068-26d7a0080254');
    expect(call('toguid', [s('nope')])).toBeNull();
    expect(typeOf('toguid', 'long')).toMatchObject({ argIndex: 0 });
  });
});

describe('parse_json / todynamic', () => {
  // parse-json-function.md: invalid JSON gives the text as a dynamic string.
  it('parses JSON text', () => {
    expect(call('parse_json', [s('{"a":1,"b":[1,2]}')])).toEqual({ a: 1, b: [1, 2] });
    expect(call('parse_json', [s('1')])).toBe(1);
    expect(call('todynamic', [s('[1, "x"]')])).toEqual([1, 'x']);
    expect(call('parsejson', [s('"abc"')])).toBe('abc');
  });
  it('keeps invalid JSON as a string and gives null for empty text', () => {
    expect(call('parse_json', [s('not json')])).toBe('not json');
    expect(call('parse_json', [s('')])).toBeNull();
    expect(call('parse_json', [dyn({ a: 1 })])).toEqual({ a: 1 });
  });
});

describe('gettype', () => {
  // gettype-function.md examples.
  it('follows the documented examples', () => {
    expect(call('gettype', [s('a')])).toBe('string');
    expect(call('gettype', [l(111)])).toBe('long');
    expect(call('gettype', [b(true)])).toBe('bool');
    expect(call('gettype', [dt('2020-01-01')])).toBe('datetime');
    expect(call('gettype', [ts(1000)])).toBe('timespan');
    expect(call('gettype', [dyn(1)])).toBe('int');
    expect(call('gettype', [dyn('abc')])).toBe('string');
    expect(call('gettype', [dyn({ abc: 1 })])).toBe('dictionary');
    expect(call('gettype', [dyn([1, 2, 3])])).toBe('array');
    expect(call('gettype', [r(123.45)])).toBe('real');
    expect(call('gettype', [['12e8b78d-55b4-46ae-b068-26d7a0080254', 'guid']])).toBe('guid');
    expect(call('gettype', [dyn(null)])).toBe('null');
  });
});
