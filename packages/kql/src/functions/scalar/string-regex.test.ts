import { describe, expect, it } from 'vitest';
import { translateRe2 } from './regex.js';
import { translateRewrite } from './string-regex.js';
import { call, l, s, typeOf } from './test-kit.js';

describe('RE2 to JavaScript', () => {
  it('turns leading inline flags into RegExp flags', () => {
    expect(translateRe2('(?i)abc')).toEqual({ source: 'abc', flags: 'i' });
    expect(translateRe2('(?is)a.c')).toEqual({ source: 'a.c', flags: 'is' });
  });
  it('translates named groups, \\A \\z, \\Q…\\E and POSIX classes', () => {
    expect(translateRe2('(?P<year>\\d{4})').source).toBe('(?<year>\\d{4})');
    expect(translateRe2('\\Aab\\z').source).toBe('^ab$');
    expect(translateRe2('\\Qa.b\\E+').source).toBe('a\\.b+');
    expect(translateRe2('[[:digit:]]+').source).toBe('[0-9]+');
    expect(translateRe2('\\pL+')).toEqual({ source: '\\p{L}+', flags: 'u' });
  });
  it('refuses the ungreedy flag', () => {
    expect(() => translateRe2('(?U)a+')).toThrow();
  });
  it('translates rewrites', () => {
    expect(translateRewrite('was: \\1')).toBe('was: $1');
    expect(translateRewrite('\\0 costs $5')).toBe('$& costs $$5');
  });
});

describe('trim / trim_start / trim_end', () => {
  // trim-function.md examples.
  it('follows the documented examples', () => {
    expect(call('trim', [s('--'), s('--https://bing.com--')])).toBe('https://bing.com');
    expect(call('trim', [s('[^\\w]+'), s('-  Te st1// $')])).toBe('Te st1');
    expect(call('trim', [s('\\s+'), s('    Hello, world!    ')])).toBe('Hello, world!');
  });
  it('trims one side only', () => {
    expect(call('trim_start', [s('x'), s('xxaxx')])).toBe('axx');
    expect(call('trim_end', [s('x'), s('xxaxx')])).toBe('xxa');
    expect(call('trim_end', [s('(?i)X'), s('axx')])).toBe('a');
  });
  it('refuses an invalid constant pattern', () => {
    expect(typeOf('trim', 'string', 'string')).toBe('string');
    expect(() => call('trim', [s('('), s('a')])).toThrow(/invalid regular expression/);
  });
});

describe('replace_regex / replace', () => {
  // replace-regex-function.md example.
  it('replaces every match, with \\1 for groups', () => {
    expect(call('replace_regex', [s('Number is 1'), s('is (\\d+)'), s('was: \\1')])).toBe('Number was: 1');
    expect(call('replace_regex', [s('aaa'), s('a'), s('b')])).toBe('bbb');
    expect(call('replace', [s('a'), s('b'), s('aaa')])).toBe('bbb');
  });
});

describe('extract / extract_all', () => {
  // extract-function.md examples.
  it('takes a capture group of the first match', () => {
    expect(call('extract', [s('-(\\d{2})-'), l(1), s('15-12-2024')])).toBe('12');
    expect(call('extract', [s('User: ([^,]+)'), l(1), s('User: JohnDoe, Email: x')])).toBe('JohnDoe');
    expect(call('extract', [s('\\d+'), l(0), s('ab12cd')])).toBe('12');
  });
  it('gives "" when nothing matches or the group does not exist', () => {
    expect(call('extract', [s('x(\\d)'), l(1), s('abc')])).toBe('');
    expect(call('extract', [s('(a)'), l(3), s('abc')])).toBe('');
  });
  it('extract_all gives every match', () => {
    expect(call('extract_all', [s('\\d+'), s('a1b22c333')])).toEqual(['1', '22', '333']);
    expect(call('extract_all', [s('(\\w)(\\d)'), s('a1 b2')])).toEqual([['a', '1'], ['b', '2']]);
    expect(call('extract_all', [s('x'), s('abc')])).toBeNull();
  });
});
