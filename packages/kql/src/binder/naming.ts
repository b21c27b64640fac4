import type * as ast from '../syntax/ast.js';
import type { Dialect } from '../functions/function-types.js';
import { lookupFunction } from '../functions/registry.js';
import { resolveIn } from './names.js';
import type { Scope } from './scope.js';

/** Functions whose unnamed result keeps the name of their first argument, besides the casts. */
const NAMED_AFTER_FIRST_ARGUMENT: ReadonlySet<string> = new Set(['bin', 'floor', 'bin_at']);

/**
 * The name Kusto gives an unnamed expression's column, when it derives one: a column keeps its
 * (declared) name, `d.a` becomes `d_a`, and casts and `bin` keep their first argument's name.
 * Undefined means "generate one" (`Column1`, `print_0`).
 */
export function derivedName(e: ast.Expr, scope: Scope, dialect: Dialect): string | undefined {
  switch (e.kind) {
    case 'Name': {
      const r = resolveIn(e.name, scope, (c) => c.name, dialect);
      return 'found' in r ? scope[r.found]!.name : e.name;
    }
    case 'Paren':
      return derivedName(e.inner, scope, dialect);
    case 'Member': {
      const base = derivedName(e.target, scope, dialect);
      return base === undefined ? undefined : `${base}_${e.member.name}`;
    }
    case 'Index': {
      const base = derivedName(e.target, scope, dialect);
      if (base === undefined || e.index.kind !== 'Literal') return undefined;
      return `${base}_${String(e.index.value)}`;
    }
    case 'Call': {
      const f = lookupFunction(e.name.name, dialect);
      const first = e.args[0];
      if (first === undefined) return undefined;
      if (('scalar' in f && f.scalar.resultName === 'first-argument') || NAMED_AFTER_FIRST_ARGUMENT.has(e.name.name.toLowerCase())) {
        return derivedName(first, scope, dialect);
      }
      if ('scalar' in f && f.scalar.namePrefix) {
        return `${f.scalar.namePrefix}_${first.kind === 'Name' ? derivedName(first, scope, dialect) ?? '' : ''}`;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The first `Column1`, `Column2`… not yet taken. */
export function generatedName(taken: { has(name: string): boolean }, prefix = 'Column', start = 1): string {
  for (let i = start; ; i++) if (!taken.has(`${prefix}${i}`)) return `${prefix}${i}`;
}
