import type { AggregateFunction, Dialect, ScalarFunction } from './function-types.js';
import { SCALAR_FUNCTIONS } from './scalar/index.js';
import { AGGREGATE_FUNCTIONS } from './aggregate/index.js';
import { resolveName, type Resolution } from '../binder/names.js';

/** All functions by name. A name declared twice is a programming error, refused when the module loads. */
function byName<T extends { readonly name: string }>(kind: string, list: readonly T[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const f of list) {
    if (map.has(f.name)) throw new Error(`The ${kind} function '${f.name}' is declared twice.`);
    map.set(f.name, f);
  }
  return map;
}

export const scalarFunctions = byName('scalar', SCALAR_FUNCTIONS);
export const aggregateFunctions = byName('aggregate', AGGREGATE_FUNCTIONS);

const scalarNames = [...scalarFunctions.keys()];
const aggregateNames = [...aggregateFunctions.keys()];

export type FunctionLookup =
  | { readonly scalar: ScalarFunction }
  | { readonly aggregate: AggregateFunction }
  | { readonly error: Resolution };

/** Names by their lower-case form, so the common lookups cost one Map read. */
const byLowerName = new Map<string, string[]>();
for (const n of [...scalarNames, ...aggregateNames]) {
  const list = byLowerName.get(n.toLowerCase()) ?? [];
  list.push(n);
  byLowerName.set(n.toLowerCase(), list);
}

/** Finds a function by name, ignoring case in the cmpivot dialect. */
export function lookupFunction(name: string, dialect: Dialect): FunctionLookup {
  const exactScalar = scalarFunctions.get(name);
  if (exactScalar) return { scalar: exactScalar };
  const exactAggregate = aggregateFunctions.get(name);
  if (exactAggregate) return { aggregate: exactAggregate };
  const sameLetters = byLowerName.get(name.toLowerCase());
  if (dialect === 'cmpivot' && sameLetters?.length === 1) {
    const n = sameLetters[0]!;
    const s = scalarFunctions.get(n);
    return s ? { scalar: s } : { aggregate: aggregateFunctions.get(n)! };
  }
  const s = resolveName(name, scalarNames, dialect);
  if ('found' in s) return { scalar: scalarFunctions.get(scalarNames[s.found]!)! };
  const a = resolveName(name, aggregateNames, dialect);
  if ('found' in a) return { aggregate: aggregateFunctions.get(aggregateNames[a.found]!)! };
  return { error: resolveName(name, [...scalarNames, ...aggregateNames], dialect) };
}
