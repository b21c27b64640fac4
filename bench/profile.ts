/**
 * Profiling helper, not part of `bench:engine`: runs one query of the benchmark repeatedly so that
 * `node --cpu-prof --import tsx bench/profile.ts '<kql>' [runs]` shows where our engine spends its time.
 */
import { analyze, runPlan, type Table } from '../packages/kql/src/index.js';
import { NOW, makeJoinTables, makeProcessTable, toEngineTable } from './data.js';

const text = process.argv[2] ?? 'T | summarize count() by bin(StartTime, 1h)';
const runs = Number(process.argv[3] ?? 10);
const T = makeProcessTable(1_000_000);
const [L, R] = makeJoinTables(100_000);
const tables = new Map<string, Table>([T, L, R].map((t) => [t.name, toEngineTable(t)]));
const options = {
  dialect: 'kusto' as const,
  now: NOW,
  catalog: { tables: [T, L, R].map((t) => ({ name: t.name, columns: t.schema })) },
  sources: { scan: (node: { table: string }) => tables.get(node.table)! },
};
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const a = analyze(text, options);
  const t1 = performance.now();
  const out = runPlan(a.plan!, options);
  const t2 = performance.now();
  console.log(`analyze ${(t1 - t0).toFixed(2)} ms, run ${(t2 - t1).toFixed(2)} ms, ${out.length} rows`);
}
