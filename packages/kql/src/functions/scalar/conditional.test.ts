import { describe, expect, it } from 'vitest';
import { b, call, dt, dyn, i, l, r, s, typeOf } from './test-kit.js';

describe('iif / iff', () => {
  it('chooses a branch; a null condition takes the else branch', () => {
    expect(call('iif', [b(true), s('Yes'), s('No')])).toBe('Yes');
    expect(call('iff', [b(false), s('Yes'), s('No')])).toBe('No');
    expect(call('iif', [b(null), l(1), l(2)])).toBe(2);
    expect(call('iif', [b(true), l(null), l(2)])).toBeNull();
  });
  it('needs agreeing branch types; numbers widen; dynamic takes the other type', () => {
    expect(typeOf('iif', 'bool', 'string', 'string')).toBe('string');
    expect(typeOf('iif', 'bool', 'int', 'long')).toBe('long');
    expect(typeOf('iif', 'bool', 'long', 'real')).toBe('real');
    expect(typeOf('iif', 'bool', 'string', 'long')).toMatchObject({ argIndex: 2 });
    expect(typeOf('iif', 'bool', 'dynamic', 'long')).toBe('long');
    expect(typeOf('iif', 'bool', 'dynamic', 'dynamic')).toBe('dynamic');
    expect(typeOf('iif', 'long', 'long', 'long')).toMatchObject({ argIndex: 0 });
    expect(call('iif', [b(true), dyn('5'), l(2)])).toBe(5);
  });
  it('works in both dialects', () => {
    expect(call('iif', [b(true), s('a'), s('b')], 'cmpivot')).toBe('a');
    expect(call('iff', [b(true), s('a'), s('b')], 'cmpivot')).toBe('a');
  });
});

describe('case', () => {
  // case-function.md example: Size <= 3 Small, <= 10 Medium, else Large.
  it('follows the documented example', () => {
    const bucket = (size: number): unknown =>
      call('case', [b(size <= 3), s('Small'), b(size <= 10), s('Medium'), s('Large')]);
    expect([1, 3, 5, 9, 11, 15].map(bucket)).toEqual(['Small', 'Small', 'Medium', 'Medium', 'Large', 'Large']);
  });
  it('checks predicates and branch types', () => {
    expect(typeOf('case', 'bool', 'long', 'real')).toBe('real');
    expect(typeOf('case', 'bool', 'long', 'bool', 'string', 'long')).toMatchObject({ argIndex: 3 });
    expect(typeOf('case', 'long', 'long', 'long')).toMatchObject({ argIndex: 0 });
    expect(typeOf('case', 'bool', 'long', 'bool', 'long')).toHaveProperty('error');
  });
});

describe('coalesce', () => {
  // coalesce-function.md: coalesce(tolong("not a number"), tolong("42"), 33) == 42.
  it('gives the first non-null value', () => {
    expect(call('coalesce', [l(null), l(42), l(33)])).toBe(42);
    expect(call('coalesce', [l(null), l(null)])).toBeNull();
    expect(call('coalesce', [i(null), r(1.5)])).toBe(1.5);
  });
  it('skips empty strings', () => {
    expect(call('coalesce', [s(''), s('x'), s('y')])).toBe('x');
    expect(call('coalesce', [s(''), s('')])).toBe('');
  });
  it('needs one type', () => {
    expect(typeOf('coalesce', 'int', 'long')).toBe('long');
    expect(typeOf('coalesce', 'string', 'long')).toHaveProperty('error');
  });
});

describe('isnull / isnotnull / isempty / isnotempty / not', () => {
  it('tests nulls; strings are never null', () => {
    expect(call('isnull', [l(null)])).toBe(true);
    expect(call('isnull', [s('')])).toBe(false);
    expect(call('isnull', [dyn(null)])).toBe(true);
    expect(call('isnotnull', [dt('2020-01-01')])).toBe(true);
    expect(call('notnull', [l(null)])).toBe(false);
  });
  // isempty-function.md examples.
  it('tests emptiness', () => {
    expect(call('isempty', [s('')])).toBe(true);
    expect(call('isempty', [s('x')])).toBe(false);
    expect(call('isempty', [dyn(null)])).toBe(true);
    expect(call('isempty', [dyn([])])).toBe(false);
    expect(call('isempty', [dyn({})])).toBe(false);
    expect(call('isempty', [l(null)])).toBe(true);
    expect(call('isempty', [l(0)])).toBe(false);
    expect(call('isnotempty', [s('x')])).toBe(true);
    expect(call('notempty', [s('')])).toBe(false);
  });
  it('negates bools', () => {
    expect(call('not', [b(true)])).toBe(false);
    expect(call('not', [b(null)])).toBeNull();
    expect(typeOf('not', 'long')).toMatchObject({ argIndex: 0 });
  });
});

describe('dynamic arguments', () => {
  // Kusto's StringOrDynamic parameters (strlen, tolower, indexof, strrep, split's text…) read a dynamic as text.
  it('are read as text where a string-or-dynamic parameter meets them', () => {
    expect(call('indexof', [dyn('a-b'), s('-')])).toBe(1);
    expect(call('tolower', [dyn('AB')])).toBe('ab');
    expect(call('strrep', [dyn('ab'), l(2)])).toBe('abab');
    expect(typeOf('coalesce', 'dynamic', 'string')).toHaveProperty('error');
    expect(typeOf('countof', 'string', 'string', 'string')).toBe('long');
    expect(() => call('countof', [s('a'), s('a'), s('fuzzy')])).toThrow(/normal/);
  });
  // Its plain String parameters refuse them, as the official binder does (KS107 "A value of type string expected").
  it('are refused where Kusto wants a plain string: regexes, texts of replace/trim/extract, delimiters, pack keys', () => {
    for (const [name, types] of [
      ['replace_string', ['dynamic', 'string', 'string']], ['trim', ['string', 'dynamic']], ['countof', ['dynamic', 'string']],
      ['pack', ['dynamic', 'long']], ['extract_all', ['string', 'dynamic']], ['split', ['string', 'dynamic']],
      ['format_datetime', ['datetime', 'dynamic']], ['todynamic', ['dynamic']], ['base64_encode_tostring', ['dynamic']],
      ['bag_has_key', ['dynamic', 'dynamic']],
    ] as const) {
      expect(typeOf(name, ...types), name).toHaveProperty('error');
    }
  });
});
