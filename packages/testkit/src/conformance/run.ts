import fc from 'fast-check';
import { kustoOracle, type OracleCatalog } from '../kusto-oracle.js';
import { checkQuery, type CheckKind, type EngineLike } from './check.js';
import { mutantArb, tokens } from './mutants.js';
import { queryArb, type GenQuery } from './queries.js';
import { deriveSignatures, GEN_TYPES, type Registry } from './signatures.js';

export interface ConformanceOptions {
  readonly registry: Registry;
  readonly catalog: OracleCatalog;
  readonly engine: EngineLike;
  readonly seed: number;
  readonly runs: number;
  /** Check completions at cursors in one query out of this many (they cost ~10x a validity check). */
  readonly completionEvery?: number;
}

export interface Disagreement { readonly signature: string; readonly count: number; readonly example: string; readonly detail?: string }
export interface ConformanceReport {
  readonly runs: number;
  /** Share of the non-mutant generated queries that stay in the engine's supported set. */
  readonly supportedShare: number;
  readonly checks: Readonly<Record<CheckKind, { readonly agree: number; readonly total: number }>>;
  /** Most common first. */
  readonly disagreements: readonly Disagreement[];
}

/** A handful of parameterless tables whose columns cover the most types, so queries reach every type. */
export function pickTables(catalog: OracleCatalog, count = 6): { name: string; columns: { name: string; type: string }[] }[] {
  const varied = (t: OracleCatalog['tables'][number]): number => new Set(t.columns.map((c) => c.type)).size;
  return catalog.tables.filter((t) => (t.parameters?.length ?? 0) === 0 && t.columns.every((c) => (GEN_TYPES as readonly string[]).includes(c.type) || c.type === 'guid'))
    .sort((a, b) => varied(b) - varied(a) || a.name.localeCompare(b.name)).slice(0, count)
    .map((t) => ({ name: t.name, columns: t.columns.map((c) => ({ name: c.name, type: c.type })) }));
}

/** Cursor positions worth completing at: just after a pipe (operators) and after a word's first letter. */
function cursorsOf(text: string, r: number): number[] {
  const afterPipe = [...text.matchAll(/\|\s?/g)].map((m) => m.index + m[0].length);
  let at = 0;
  const wordStarts: number[] = [];
  for (const t of tokens(text)) { if (/^[A-Za-z_]/.test(t)) wordStarts.push(at + 1); at += t.length; }
  const picks = [afterPipe[r % Math.max(1, afterPipe.length)], wordStarts[r % Math.max(1, wordStarts.length)]];
  return picks.filter((p): p is number => p !== undefined && p <= text.length);
}

export function runConformance(o: ConformanceOptions): ConformanceReport {
  const signatures = deriveSignatures(o.registry);
  const base = queryArb({ signatures, tables: pickTables(o.catalog), unsupportedRate: 0.1 });
  const arb = fc.tuple(fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: mutantArb(base) }), fc.nat());
  const samples = fc.sample(arb, { seed: o.seed, numRuns: o.runs });
  const oracle = kustoOracle(o.catalog);
  const checks: Record<CheckKind, { agree: number; total: number }> = {
    validity: { agree: 0, total: 0 }, schema: { agree: 0, total: 0 }, mutant: { agree: 0, total: 0 }, completion: { agree: 0, total: 0 }, unsupported: { agree: 0, total: 0 },
  };
  const groups = new Map<string, { count: number; example: GenQuery; detail?: string }>();
  let plain = 0;
  let supported = 0;
  samples.forEach(([q, r], i) => {
    if (q.mutation === undefined) { plain++; if (q.supported) supported++; }
    const every = o.completionEvery ?? 4;
    const cursors = q.mutation === undefined && q.supported && i % every === 0 ? cursorsOf(q.text, r) : [];
    for (const c of checkQuery(q, oracle, o.engine, cursors)) {
      checks[c.check].total++;
      if (c.agree) { checks[c.check].agree++; continue; }
      const g = groups.get(c.signature!);
      // Keep the shortest example of each kind: it is the easiest to read and to turn into a golden test.
      if (!g) groups.set(c.signature!, { count: 1, example: q, ...(c.detail !== undefined ? { detail: c.detail } : {}) });
      else { g.count++; if (q.text.length < g.example.text.length) { g.example = q; if (c.detail !== undefined) g.detail = c.detail; } }
    }
  });
  const disagreements = [...groups].sort((a, b) => b[1].count - a[1].count)
    .map(([signature, g]) => ({ signature, count: g.count, example: g.example.text, ...(g.detail !== undefined ? { detail: g.detail } : {}) }));
  return { runs: o.runs, supportedShare: plain ? supported / plain : 0, checks, disagreements };
}
