import { describe, expect, it } from 'vitest';
import {
  converterTo, dynamicKind, EPOCH_OFFSET_MS, parseJson, toBool, toDatetime, toDynamic, toGuid, toInt, toLong, toReal,
  toTimespan, wrapDynamic,
} from './convert.js';

describe('toBool', () => {
  it('converts bools, numbers and text', () => {
    expect(toBool(true, 'bool')).toBe(true);
    expect(toBool(0, 'long')).toBe(false);
    expect(toBool(-3, 'real')).toBe(true);
    expect(toBool(NaN, 'real')).toBeNull();
    expect(toBool(' True ', 'string')).toBe(true);
    expect(toBool('0', 'string')).toBe(false);
    expect(toBool('maybe', 'string')).toBeNull();
    expect(toBool('false', 'dynamic')).toBe(false);
    expect(toBool(null, 'bool')).toBeNull();
    expect(toBool(5, 'datetime')).toBeNull();
  });
});

describe('toLong / toInt / toReal', () => {
  it('truncates reals and reads integer text', () => {
    expect(toLong(2.9, 'real')).toBe(2);
    expect(toLong(-2.9, 'real')).toBe(-2);
    expect(Object.is(toLong(-0.5, 'real'), 0)).toBe(true);
    expect(toLong(Infinity, 'real')).toBeNull();
    expect(toLong('-17', 'string')).toBe(-17);
    expect(toLong('1.5', 'string')).toBeNull();
    expect(toLong('12abc', 'string')).toBeNull();
    expect(toLong(false, 'bool')).toBe(0);
    expect(toLong({ a: 1 }, 'dynamic')).toBeNull();
  });
  it('gives ticks for datetimes and timespans', () => {
    expect(toLong(0, 'datetime')).toBe(621355968000000000);
    expect(toLong(1, 'timespan')).toBe(10_000);
    expect(toDatetime(621355968000000000, 'long')).toBe(0);
    expect(toTimespan(10_000_000, 'long')).toBe(1000);
    expect(EPOCH_OFFSET_MS).toBe(719_162 * 86_400_000); // days from 0001-01-01 to 1970-01-01
  });
  it('wraps ints to 32 bits', () => {
    expect(toInt(2147483648, 'long')).toBe(-2147483648);
    expect(toInt('123', 'string')).toBe(123);
    expect(toInt(null, 'int')).toBeNull();
  });
  it('reads real text as .NET does', () => {
    expect(toReal('1.5', 'string')).toBe(1.5);
    expect(toReal(' -2e3 ', 'string')).toBe(-2000);
    expect(toReal('.5', 'string')).toBe(0.5);
    expect(toReal('Infinity', 'string')).toBe(Infinity);
    expect(toReal('', 'string')).toBeNull();
    expect(toReal('0x10', 'string')).toBeNull();
    expect(toReal(3, 'dynamic')).toBe(3);
  });
});

describe('toDatetime / toTimespan / toGuid', () => {
  it('parses text', () => {
    expect(toDatetime('2020-01-01', 'string')).toBe(Date.UTC(2020, 0, 1));
    expect(toDatetime('2020-01-01T10:00:00Z', 'dynamic')).toBe(Date.UTC(2020, 0, 1, 10));
    expect(toDatetime('x', 'string')).toBeNull();
    expect(toDatetime(true, 'bool')).toBeNull();
    expect(toTimespan('00:30:00', 'string')).toBe(1_800_000);
    expect(toTimespan('1d', 'dynamic')).toBe(86_400_000);
    expect(toGuid('(12E8B78D-55B4-46AE-B068-26D7A0080254)', 'string')).toBe('12e8b78d-55b4-46ae-b068-26d7a0080254');
    expect(toGuid('12e8b78d', 'string')).toBeNull();
    expect(toGuid(5, 'long')).toBeNull();
  });
});

describe('dynamic values', () => {
  it('parses JSON, keeping invalid text as a string', () => {
    expect(parseJson('{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(parseJson('oops')).toBe('oops');
    expect(parseJson('  ')).toBeNull();
    expect(toDynamic('[1]', 'string')).toEqual([1]);
    expect(toDynamic(5, 'long')).toBe(5);
  });
  it('wraps typed values without parsing', () => {
    expect(wrapDynamic('[1]', 'string')).toBe('[1]');
    expect(wrapDynamic(0, 'datetime')).toBe('1970-01-01T00:00:00Z');
    expect(wrapDynamic(60_000, 'timespan')).toBe('00:01:00');
    expect(wrapDynamic(NaN, 'real')).toBe('NaN');
    expect(wrapDynamic(null, 'long')).toBeNull();
  });
  it('names runtime kinds', () => {
    expect(dynamicKind(1)).toBe('int');
    expect(dynamicKind(2 ** 40)).toBe('long');
    expect(dynamicKind(1.5)).toBe('real');
    expect(dynamicKind([])).toBe('array');
    expect(dynamicKind({})).toBe('dictionary');
    expect(dynamicKind(null)).toBe('null');
    expect(dynamicKind(true)).toBe('bool');
  });
});

describe('converterTo', () => {
  it('converts between static types', () => {
    expect(converterTo('long', 'int')(5)).toBe(5);
    expect(converterTo('long', 'dynamic')('7')).toBe(7);
    expect(converterTo('string', 'long')(7)).toBe('7');
    expect(converterTo('dynamic', 'datetime')(0)).toBe('1970-01-01T00:00:00Z');
  });
});
