import { analyze, complete, scalarFunctions, aggregateFunctions, type Dialect } from '@openpivot/kql';
import { CATALOG } from '@openpivot/entities';
import type { EngineLike } from './check.js';
import type { Registry } from './signatures.js';

/** The tabular operators the engine evaluates: Kusto's completions of other operators are not expected. */
const OPERATORS = ['where', 'project', 'project-away', 'project-keep', 'project-rename', 'project-reorder', 'extend', 'summarize', 'count',
  'distinct', 'order by', 'sort by', 'top', 'take', 'limit', 'join', 'union', 'mv-expand', 'parse', 'render', 'serialize'];

/** openpivot's engine over the entity catalog, in one dialect, as the differential checks see it. */
export function conformanceEngine(dialect: Dialect): EngineLike {
  return {
    analyze: (text) => analyze(text, { catalog: CATALOG, dialect }),
    complete: (text, offset) => complete(text, offset, { catalog: CATALOG, dialect }),
    names: { operators: new Set(OPERATORS), functions: new Set(scalarFunctions.keys()), aggregates: new Set(aggregateFunctions.keys()) },
  };
}

export const ENGINE_REGISTRY: Registry = { scalarFunctions, aggregateFunctions };
