import type { ScalarType } from '../../types/scalar-type.js';
import { isIntegral, isNumeric, widerNumeric } from '../../types/scalar-type.js';
import type { Value } from '../../values/value.js';
import { compareValues } from '../../values/compare.js';
import { EPOCH_OFFSET_MS } from '../../values/convert.js';
import type { ArgInfo, ScalarFunction, SignatureError } from '../function-types.js';
import { alias, argError, commonType, constant, define, unary } from './signature.js';

/**
 * Number functions. Null in gives null out. Results keep Kusto's types: round() and ceiling() keep
 * the argument's type, abs() of an integer is a long, the transcendental functions give reals, and
 * log/sqrt of a negative number give null (as documented) rather than NaN.
 */

/** Rounds half away from zero at `digits` decimals (negative: tens, hundreds…), on the decimal text so 2.15 → 2.2. */
export function roundTo(x: number, digits = 0): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const [m, e] = Math.abs(x).toExponential().split('e') as [string, string];
  const shifted = Math.round(Number(`${m}e${Number(e) + digits}`));
  if (shifted === 0) return 0;
  const [rm, re] = shifted.toExponential().split('e') as [string, string];
  return sign * Number(`${rm}e${Number(re) - digits}`);
}

function real(name: string, doc: string, f: (x: number) => number | null): ScalarFunction {
  return define({ name, doc, params: ['number'], result: 'real', resultName: 'first-argument', compile: () => unary((v) => f(v as number)) });
}

const nonNegative = (f: (x: number) => number) => (x: number): number | null => (x < 0 ? null : f(x));

const TRANSCENDENTAL: readonly ScalarFunction[] = [
  real('sqrt', 'The square root; null for a negative number.', nonNegative(Math.sqrt)),
  real('log', 'The natural logarithm; null for a negative number.', nonNegative(Math.log)),
  real('log10', 'The base-10 logarithm; null for a negative number.', nonNegative(Math.log10)),
  real('log2', 'The base-2 logarithm; null for a negative number.', nonNegative(Math.log2)),
  real('exp', 'e to the power x.', Math.exp),
  real('exp2', '2 to the power x.', (x) => 2 ** x),
  real('exp10', '10 to the power x.', (x) => 10 ** x),
];

const pow = define({
  name: 'pow', doc: 'pow(base, exponent): base raised to exponent, as a real.',
  params: ['number', 'number'], result: 'real', resultName: 'first-argument',
  compile: () => (vals) => (vals[0] === null || vals[1] === null ? null : (vals[0] as number) ** (vals[1] as number)),
});

const round = define({
  name: 'round', doc: 'round(x[, digits]): x rounded half away from zero to digits decimals (default 0).',
  params: ['number', constant('long')], minArgs: 1, result: (args) => args[0]!.type, resultName: 'first-argument',
  compile: () => (vals) => {
    const digits = vals.length > 1 ? vals[1] : 0;
    return vals[0] === null || digits === null ? null : roundTo(vals[0] as number, Math.trunc(digits as number));
  },
});

const ceiling = define({
  name: 'ceiling', doc: 'The smallest integer not less than x (in the type of x).',
  params: ['number'], result: (args) => args[0]!.type, resultName: 'first-argument',
  compile: () => unary((v) => Math.ceil(v as number) || 0),
});

const abs = define({
  name: 'abs', doc: 'The absolute value of a number or timespan.',
  params: ['scalar'], resultName: 'first-argument',
  result: (args) => {
    const t = args[0]!.type;
    if (isIntegral(t)) return 'long';
    if (t === 'real' || t === 'timespan') return t;
    return argError('abs', 0, 'number', t);
  },
  compile: () => unary((v) => Math.abs(v as number)),
});

const sign = define({
  name: 'sign', doc: 'The sign of a number: -1, 0 or 1 (as a real).',
  params: ['number'], result: 'real', compile: () => unary((v) => Math.sign(v as number) || 0),
});

function realTest(name: string, doc: string, f: (x: number) => boolean): ScalarFunction {
  return define({ name, doc, params: ['real'], result: 'bool', compile: () => unary((v) => f(v as number)) });
}

const TESTS: readonly ScalarFunction[] = [
  realTest('isnan', 'Whether x is NaN (not-a-number).', Number.isNaN),
  realTest('isfinite', 'Whether x is neither infinite nor NaN.', Number.isFinite),
  realTest('isinf', 'Whether x is positive or negative infinity.', (x) => x === Infinity || x === -Infinity),
];

function extremum(name: string, sign: 1 | -1): ScalarFunction {
  return define({
    name, doc: `${name}(a, b, …): the ${sign > 0 ? 'largest' : 'smallest'} of 2 to 64 values of one type; nulls are skipped.`,
    params: ['scalar'], minArgs: 2, maxArgs: 64,
    result: (args) => {
      const t = commonType(args.map((a) => a.type));
      if (t === undefined) return { error: `${name}(): all arguments must have the same type` };
      return t === 'dynamic' ? { error: `${name}(): arguments of type dynamic cannot be ordered`, argIndex: 0 } : t;
    },
    compile: (args) => {
      const t = commonType(args.map((a) => a.type)) ?? 'real';
      return (vals) => {
        let best: Value = null;
        for (const v of vals) {
          if (v !== null && (best === null || sign * compareValues(v, best, t) > 0)) best = v;
        }
        return best;
      };
    },
  });
}

/** The bin result type for numeric, timespan and datetime values, or a refusal. */
function binType(name: string, value: ArgInfo, size: ArgInfo): ScalarType | SignatureError {
  if (isNumeric(value.type)) {
    return isNumeric(size.type) ? widerNumeric(value.type, size.type) : argError(name, 1, 'number', size.type);
  }
  if (value.type === 'timespan' || value.type === 'datetime') {
    return size.type === 'timespan' ? value.type : argError(name, 1, 'timespan', size.type);
  }
  return { error: `${name}(): argument 1 must be a number, timespan or datetime, not ${value.type}`, argIndex: 0 };
}

/**
 * Rounds down to a multiple of `size`: bin(4.5, 1) = 4, bin(-4.5, 1) = -5. A zero, negative or
 * null size gives null. Datetimes are binned from 0001-01-01 as Kusto's ticks are, so 7d bins
 * start on Mondays; the offset is applied by remainders so sub-millisecond precision survives.
 */
export function binValue(x: number, size: number, datetime: boolean): number | null {
  if (!(size > 0)) return null;
  if (!datetime) return Math.floor(x / size) * size;
  const r = (((x % size) + (EPOCH_OFFSET_MS % size)) % size + size) % size;
  return x - r;
}

const bin = define({
  name: 'bin', doc: 'bin(value, size): value rounded down to a multiple of size; bin(Time, 1h) buckets datetimes.',
  params: ['scalar', 'scalar'], resultName: 'first-argument',
  result: (args) => binType('bin', args[0]!, args[1]!),
  compile: (args) => {
    const datetime = args[0]!.type === 'datetime';
    return (vals) => (vals[0] === null || vals[1] === null ? null : binValue(vals[0] as number, vals[1] as number, datetime));
  },
});

const binAt = define({
  name: 'bin_at', doc: 'bin_at(value, size, fixed): bins aligned so that fixed falls on a bin boundary.',
  params: ['scalar', 'scalar', 'scalar'], resultName: 'first-argument',
  result: (args) => {
    const t = binType('bin_at', args[0]!, args[1]!);
    if (typeof t !== 'string') return t;
    const fixed = args[2]!.type;
    if (isNumeric(args[0]!.type) && isNumeric(fixed)) return widerNumeric(t, fixed);
    return fixed === args[0]!.type ? t : { error: `bin_at(): argument 3 must have the type of argument 1, not ${fixed}`, argIndex: 2 };
  },
  compile: () => (vals) => {
    if (vals[0] === null || vals[1] === null || vals[2] === null) return null;
    const [x, size, fixed] = vals as [number, number, number];
    const b = binValue(x - fixed, size, false);
    return b === null ? null : b + fixed;
  },
});

const tohex = define({
  name: 'tohex', doc: 'tohex(n[, minLength]): n in lower-case hexadecimal (two’s complement for negatives).',
  params: ['integer', 'integer'], minArgs: 1, result: 'string', resultName: 'first-argument',
  compile: () => (vals) => {
    if (vals[0] === null) return '';
    const n = BigInt(Math.trunc(vals[0] as number));
    const hex = (n < 0n ? BigInt.asUintN(64, n) : n).toString(16);
    const width = vals[1] === undefined || vals[1] === null ? 0 : Math.trunc(vals[1] as number);
    return hex.padStart(width, '0');
  },
});

export const MATH_FUNCTIONS: readonly ScalarFunction[] = [
  ...TRANSCENDENTAL, pow, round, ceiling, abs, sign, ...TESTS,
  extremum('max_of', 1), extremum('min_of', -1), bin, alias(bin, 'floor'), binAt, tohex,
];
