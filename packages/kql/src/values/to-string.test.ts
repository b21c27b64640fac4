import { describe, expect, it } from 'vitest';
import { formatReal, valueToString } from './to-string.js';

describe('formatReal', () => {
  // As .NET prints a double (shortest round trip; exponent form below 1E-05 and from 1E+15).
  it('prints shortest round-trip text', () => {
    expect(formatReal(1)).toBe('1');
    expect(formatReal(1.5)).toBe('1.5');
    expect(formatReal(0.1)).toBe('0.1');
    expect(formatReal(-2.25)).toBe('-2.25');
    expect(formatReal(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatReal(123456789012345)).toBe('123456789012345');
    expect(formatReal(0.0001)).toBe('0.0001');
  });
  it('switches to exponent form like .NET', () => {
    expect(formatReal(1e15)).toBe('1E+15');
    expect(formatReal(1.5e20)).toBe('1.5E+20');
    expect(formatReal(0.00001)).toBe('1E-05');
    expect(formatReal(-1.25e-7)).toBe('-1.25E-07');
    expect(formatReal(1e100)).toBe('1E+100');
  });
  it('names the special values', () => {
    expect(formatReal(NaN)).toBe('NaN');
    expect(formatReal(Infinity)).toBe('Infinity');
    expect(formatReal(-Infinity)).toBe('-Infinity');
    expect(formatReal(-0)).toBe('0');
  });
});

describe('valueToString', () => {
  it('renders each type', () => {
    expect(valueToString(null, 'long')).toBe('');
    expect(valueToString('x', 'string')).toBe('x');
    expect(valueToString(false, 'bool')).toBe('false');
    expect(valueToString(42, 'int')).toBe('42');
    expect(valueToString(9007199254740993, 'long')).toBe('9007199254740992');
    expect(valueToString(2.5, 'real')).toBe('2.5');
    expect(valueToString(Date.UTC(2020, 0, 1, 10, 0, 0, 500), 'datetime')).toBe('2020-01-01T10:00:00.5Z');
    expect(valueToString(86_400_000 + 3_723_000, 'timespan')).toBe('1.01:02:03');
    expect(valueToString('12e8b78d-55b4-46ae-b068-26d7a0080254', 'guid')).toBe('12e8b78d-55b4-46ae-b068-26d7a0080254');
  });
  it('renders dynamic values as compact JSON, strings bare', () => {
    expect(valueToString({ a: 1, b: [true, null, 'x'] }, 'dynamic')).toBe('{"a":1,"b":[true,null,"x"]}');
    expect(valueToString('abc', 'dynamic')).toBe('abc');
    expect(valueToString(1.5, 'dynamic')).toBe('1.5');
    expect(valueToString(null, 'dynamic')).toBe('');
  });
});
