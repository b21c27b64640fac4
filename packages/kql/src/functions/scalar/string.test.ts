import { describe, expect, it } from 'vitest';
import { call, dt, dyn, i, l, r, s, typeOf } from './test-kit.js';

describe('strcat / strcat_delim', () => {
  it('renders each argument as tostring() does', () => {
    expect(call('strcat', [s('a'), l(1), r(1.5), r(2), dt('2020-01-02T03:04:05Z')])).toBe('a11.522020-01-02T03:04:05Z');
    expect(call('strcat', [s('x'), l(null)])).toBe('x');
  });
  it('strcat_delim puts the delimiter between arguments', () => {
    expect(call('strcat_delim', [s('-'), s('a'), l(2), s('c')])).toBe('a-2-c');
  });
  it('checks argument counts', () => {
    expect(typeOf('strcat', 'string')).toBe('string');
    expect(typeOf('strcat_delim', 'string', 'string', 'long')).toBe('string');
  });
});

describe('strlen', () => {
  // strlen-function.md: counts Unicode code points.
  it('counts code points', () => {
    expect(call('strlen', [s('hello')])).toBe(5);
    expect(call('strlen', [s('⒦⒰⒮⒯⒪')])).toBe(5);
    expect(call('strlen', [s('C\u0327edilla')])).toBe(8); // C + combining cedilla: two code points
    expect(call('strlen', [s('😀a')])).toBe(2);
    expect(call('strlen', [s('')])).toBe(0);
  });
  it('returns a long and refuses numbers', () => {
    expect(typeOf('strlen', 'string')).toBe('long');
    expect(typeOf('strlen', 'dynamic')).toBe('long');
    expect(typeOf('strlen', 'long')).toMatchObject({ argIndex: 0 });
  });
});

describe('substring', () => {
  // substring-function.md examples.
  it('follows the documented examples', () => {
    expect(call('substring', [s('123456'), l(1)])).toBe('23456');
    expect(call('substring', [s('123456'), l(2), l(2)])).toBe('34');
    expect(call('substring', [s('ABCD'), l(0), l(2)])).toBe('AB');
    expect(call('substring', [s('123456'), l(-2), l(2)])).toBe('56');
  });
  it('clips out-of-range start and length', () => {
    expect(call('substring', [s('abc'), l(5)])).toBe('');
    expect(call('substring', [s('abc'), l(1), l(100)])).toBe('bc');
    expect(call('substring', [s('abc'), l(-10), l(2)])).toBe('ab');
    expect(call('substring', [s('abc'), l(1), l(-1)])).toBe('');
    expect(call('substring', [s('abc'), l(null)])).toBe('');
  });
  it('reads non-string sources as text', () => {
    expect(call('substring', [l(123456), l(1), l(2)])).toBe('23');
  });
});

describe('indexof', () => {
  // indexof-function.md examples idx1..idx9.
  it('follows the documented examples', () => {
    expect(call('indexof', [s('abcdefg'), s('cde')])).toBe(2);
    expect(call('indexof', [s('abcdefg'), s('cde'), l(1), l(4)])).toBe(2);
    expect(call('indexof', [s('abcdefg'), s('cde'), l(1), l(2)])).toBe(-1);
    expect(call('indexof', [s('abcdefg'), s('cde'), l(3), l(4)])).toBe(-1);
    expect(call('indexof', [s('abcdefg'), s('cde'), l(-5)])).toBe(2);
    expect(call('indexof', [l(1234567), l(5), l(1), l(4)])).toBe(4);
    expect(call('indexof', [s('abcdefg'), s('cde'), l(2), l(-1)])).toBe(2);
    expect(call('indexof', [s('abcdefgabcdefg'), s('cde'), l(1), l(10), l(2)])).toBe(9);
    expect(call('indexof', [s('abcdefgabcdefg'), s('cde'), l(1), l(-1), l(3)])).toBe(-1);
  });
  it('gives null for invalid length or occurrence, -1 when missing', () => {
    expect(call('indexof', [s('abc'), s('x')])).toBe(-1);
    expect(call('indexof', [s('abc'), s('b'), l(0), l(-2)])).toBeNull();
    expect(call('indexof', [s('abc'), s('b'), l(0), l(-1), l(-1)])).toBeNull();
    expect(call('indexof', [s('abc'), s('b'), l(null)])).toBeNull();
    expect(call('indexof', [s('abc'), s('')])).toBe(0);
    expect(typeOf('indexof', 'string', 'string')).toBe('long');
  });
});

describe('tolower / toupper / reverse / strrep / strcmp', () => {
  it('changes case of any scalar rendered as text', () => {
    expect(call('tolower', [s('AbC')])).toBe('abc');
    expect(call('toupper', [s('AbC')])).toBe('ABC');
    expect(call('toupper', [[true, 'bool']])).toBe('TRUE');
  });
  it('reverses by code point', () => {
    expect(call('reverse', [s('ABC')])).toBe('CBA');
    expect(call('reverse', [l(123)])).toBe('321');
    expect(call('reverse', [s('')])).toBe('');
  });
  // strrep-function.md examples.
  it('repeats with an optional delimiter', () => {
    expect(call('strrep', [s('ABC'), l(2)])).toBe('ABCABC');
    expect(call('strrep', [l(123), l(3), s('.')])).toBe('123.123.123');
    expect(call('strrep', [[3000, 'timespan'], l(2), s(' ')])).toBe('00:00:03 00:00:03');
    expect((call('strrep', [s('a'), l(5000)]) as string).length).toBe(1024);
    expect(call('strrep', [s('a'), l(0)])).toBe('');
  });
  it('compares ordinally', () => {
    expect(call('strcmp', [s('a'), s('b')])).toBe(-1);
    expect(call('strcmp', [s('b'), s('a')])).toBe(1);
    expect(call('strcmp', [s('a'), s('a')])).toBe(0);
  });
});

describe('split', () => {
  // split-function.md examples.
  it('follows the documented examples', () => {
    expect(call('split', [s('aa_bb'), s('_')])).toEqual(['aa', 'bb']);
    expect(call('split', [s('aaa_bbb_ccc'), s('_'), l(1)])).toEqual(['bbb']);
    expect(call('split', [s(''), s('_')])).toEqual(['']);
    expect(call('split', [s('a__b'), s('_')])).toEqual(['a', '', 'b']);
    expect(call('split', [s('aabbcc'), s('bb')])).toEqual(['aa', 'cc']);
  });
  it('gives an empty array for an index out of range', () => {
    expect(call('split', [s('a_b'), s('_'), l(5)])).toEqual([]);
    expect(call('split', [s('a_b'), s('_'), l(-1)])).toEqual([]);
    expect(typeOf('split', 'string', 'string')).toBe('dynamic');
    expect(typeOf('split', 'string', 'long')).toMatchObject({ argIndex: 1 });
  });
});

describe('replace_string / countof', () => {
  it('replaces every occurrence literally', () => {
    expect(call('replace_string', [s('a.b.c'), s('.'), s('$&')])).toBe('a$&b$&c');
    expect(call('replace_string', [s('abc'), s(''), s('x')])).toBe('abc');
  });
  // countof-function.md examples.
  it('counts overlapping plain matches and non-overlapping regex matches', () => {
    expect(call('countof', [s('aaa'), s('a')])).toBe(3);
    expect(call('countof', [s('aaaa'), s('aa')])).toBe(3);
    expect(call('countof', [s('ababa'), s('ab'), s('normal')])).toBe(2);
    expect(call('countof', [s('ababa'), s('aba')])).toBe(2);
    expect(call('countof', [s('ababa'), s('aba'), s('regex')])).toBe(1);
    expect(call('countof', [s('abcabc'), s('a.c'), s('regex')])).toBe(2);
    expect(call('countof', [s('abc'), s('')])).toBe(0);
  });
  it('accepts dynamic text where Kusto does', () => {
    expect(call('strlen', [dyn('abc')])).toBe(3);
    expect(call('strlen', [dyn(null)])).toBe(0);
    expect(call('tolower', [i(5)])).toBe('5');
  });
});
