/**
 * Typed call signatures derived from the engine's own function registry: for each function, the
 * argument type tuples its `returns` accepts, so the generator calls only what it can type.
 * Structural types keep testkit free of a dependency on the engine package.
 */
export type GenType = 'long' | 'real' | 'string' | 'bool' | 'datetime' | 'timespan' | 'dynamic';
export const GEN_TYPES: readonly GenType[] = ['long', 'real', 'string', 'bool', 'datetime', 'timespan', 'dynamic'];

interface ArgInfoLike { readonly type: string; readonly constant?: { readonly value: unknown } }
export interface FunctionLike {
  readonly name: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  // Method syntax on purpose: the engine's narrower argument type (ScalarType) must still be assignable.
  returns(args: readonly ArgInfoLike[], dialect: 'kusto'): unknown;
  readonly outputs?: unknown;
  readonly volatile?: boolean;
}
export interface Registry {
  readonly scalarFunctions: ReadonlyMap<string, FunctionLike>;
  readonly aggregateFunctions: ReadonlyMap<string, FunctionLike>;
}

export interface Signature {
  readonly name: string;
  /** `literal` arguments must be written as literals: the function needs their value at bind time. */
  readonly args: readonly { readonly type: GenType; readonly literal: boolean }[];
  readonly returns: string;
}

/** A constant of each type, to type functions that read an argument's value (`percentile(x, 50)`). */
const SAMPLE: Readonly<Record<GenType, unknown>> = {
  long: 50, real: 0.5, string: 'a', bool: true, datetime: Date.UTC(2024, 0, 1), timespan: 3_600_000, dynamic: [1, 2],
};

function tuples(n: number): GenType[][] {
  if (n === 0) return [[]];
  return tuples(n - 1).flatMap((t) => GEN_TYPES.map((g) => [...t, g]));
}

function signaturesOf(f: FunctionLike, perFunction: number): Signature[] {
  const out: Signature[] = [];
  const maxArity = Math.min(f.maxArgs, f.minArgs + 1, 3);
  for (let n = f.minArgs; n <= maxArity; n++) {
    for (const types of tuples(n)) {
      const plain = f.returns(types.map((type) => ({ type })), 'kusto');
      if (typeof plain === 'string') { out.push({ name: f.name, args: types.map((type) => ({ type, literal: false })), returns: plain }); continue; }
      const withConst = f.returns(types.map((type) => ({ type, constant: { value: SAMPLE[type] } })), 'kusto');
      if (typeof withConst === 'string') out.push({ name: f.name, args: types.map((type) => ({ type, literal: true })), returns: withConst });
    }
  }
  // Spread the kept signatures over the types rather than keeping the first few of one shape.
  const step = Math.max(1, Math.floor(out.length / perFunction));
  return out.filter((_, i) => i % step === 0).slice(0, perFunction);
}

export interface Signatures { readonly scalar: readonly Signature[]; readonly aggregate: readonly Signature[] }

export function deriveSignatures(registry: Registry): Signatures {
  // Kusto types todecimal() as `decimal`, a type the engine folds into `real` on purpose: not a conformance question.
  const scalar = [...registry.scalarFunctions.values()].filter((f) => f.name !== 'todecimal').flatMap((f) => signaturesOf(f, 4));
  // Aggregates with several outputs (`arg_max(x, *)`) name their columns differently; left to golden tests.
  const aggregate = [...registry.aggregateFunctions.values()].filter((f) => !f.outputs).flatMap((f) => signaturesOf(f, 3));
  return { scalar, aggregate };
}
