import type { ScalarType } from '../../types/scalar-type.js';
import type { Value } from '../../values/value.js';
import { converterTo } from '../../values/convert.js';
import type { ArgInfo, ScalarFunction, SignatureError } from '../function-types.js';
import { alias, argError, commonType, define, isError, unary } from './signature.js';

/**
 * Conditional and null-testing functions. The result branches of iif/case and the arguments of
 * coalesce must agree in type; numbers widen (int < long < real). A dynamic branch next to typed
 * ones takes their type, converted per row (as Kusto's binder types `iif(c, dynamic(1), 2)` long).
 */

export function branchType(name: string, args: readonly ArgInfo[], indices: readonly number[]): ScalarType | SignatureError {
  const typed = indices.filter((i) => args[i]!.type !== 'dynamic');
  if (typed.length === 0) return 'dynamic';
  const t = commonType(typed.map((i) => args[i]!.type));
  if (t !== undefined) return t;
  const first = args[typed[0]!]!.type;
  const other = typed.find((i) => commonType([first, args[i]!.type]) === undefined)!;
  return { error: `${name}(): all results must have the same type, not ${first} and ${args[other]!.type}`, argIndex: other };
}

/** Per-argument converters to the result type (identity where no conversion is needed). */
function converters(args: readonly ArgInfo[], result: ScalarType): ((v: Value) => Value)[] {
  return args.map((a) => converterTo(result, a.type));
}

function resultOf(name: string, args: readonly ArgInfo[], indices: readonly number[]): ScalarType {
  const t = branchType(name, args, indices);
  return isError(t) ? 'dynamic' : t;
}

function makeIif(name: string): ScalarFunction {
  return define({
    name, doc: `${name}(condition, then, else): then when condition is true, else otherwise (also when it is null).`,
    params: ['bool', 'scalar', 'scalar'],
    result: (args) => branchType(name, args, [1, 2]),
    compile: (args) => {
      const conv = converters(args, resultOf(name, args, [1, 2]));
      return (vals) => (vals[0] === true ? conv[1]!(vals[1]!) : conv[2]!(vals[2]!));
    },
  });
}

const caseFn = define({
  name: 'case', doc: 'case(p1, v1, p2, v2, …, else): the value after the first true predicate, or else.',
  params: ['scalar'], minArgs: 3, maxArgs: 65535,
  result: (args) => {
    if (args.length % 2 === 0) return { error: 'case(): expects predicate/value pairs followed by an else value' };
    for (let i = 0; i < args.length - 1; i += 2) {
      if (args[i]!.type !== 'bool') return argError('case', i, 'bool', args[i]!.type);
    }
    return branchType('case', args, valueIndices(args.length));
  },
  compile: (args) => {
    const conv = converters(args, resultOf('case', args, valueIndices(args.length)));
    return (vals) => {
      const last = vals.length - 1;
      for (let i = 0; i < last; i += 2) if (vals[i] === true) return conv[i + 1]!(vals[i + 1]!);
      return conv[last]!(vals[last]!);
    };
  },
});

function valueIndices(n: number): number[] {
  const out: number[] = [];
  for (let i = 1; i < n; i += 2) out.push(i);
  out.push(n - 1);
  return out;
}

const coalesce = define({
  name: 'coalesce', doc: 'coalesce(a, b, …): the first argument that is not null (for strings: not empty).',
  params: ['scalar'], minArgs: 2, maxArgs: 64,
  result: (args) => {
    // Unlike iif, Kusto's coalesce does not mix dynamic with typed arguments.
    const dynamic = args.findIndex((a) => a.type === 'dynamic');
    if (dynamic >= 0 && args.some((a) => a.type !== 'dynamic')) {
      return { error: 'coalesce(): all arguments must have the same type', argIndex: dynamic === 0 ? args.findIndex((a) => a.type !== 'dynamic') : dynamic };
    }
    return branchType('coalesce', args, args.map((_, i) => i));
  },
  compile: (args) => {
    const result = resultOf('coalesce', args, args.map((_, i) => i));
    const conv = converters(args, result);
    return (vals) => {
      for (let i = 0; i < vals.length; i++) {
        const v = conv[i]!(vals[i]!);
        if (v !== null && v !== '') return v;
      }
      return result === 'string' ? '' : null;
    };
  },
});

function test(name: string, doc: string, f: (v: Value) => boolean): ScalarFunction {
  return define({ name, doc, params: ['scalar'], result: 'bool', compile: () => (vals) => f(vals[0]!) });
}

const isnull = test('isnull', 'Whether the value is null (a string is never null: use isempty).', (v) => v === null);
const isnotnull = test('isnotnull', 'Whether the value is not null.', (v) => v !== null);
const isempty = test('isempty', 'Whether the value is null or the empty string.', (v) => v === null || v === '');
const isnotempty = test('isnotempty', 'Whether the value is neither null nor the empty string.', (v) => v !== null && v !== '');

const not = define({
  name: 'not', doc: 'not(b): the logical negation of a bool.',
  params: ['bool'], result: 'bool', compile: () => unary((v) => !v),
});

export const CONDITIONAL_FUNCTIONS: readonly ScalarFunction[] = [
  makeIif('iif'), makeIif('iff'), caseFn, coalesce, isnull, isnotnull, alias(isnotnull, 'notnull'),
  isempty, isnotempty, alias(isnotempty, 'notempty'), not,
];
