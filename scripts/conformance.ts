/**
 * `npm run conformance -- --runs 100000 [--seed N]`: the differential checks against the official
 * Kusto language service on many generated queries, with agreement rates and the commonest disagreements.
 */
import { analyze, complete, scalarFunctions, aggregateFunctions } from '@openpivot/kql';
import { CATALOG } from '@openpivot/entities';
import { runConformance, type EngineLike } from '@openpivot/testkit';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 0) {
    console.error(`--${name} needs a non-negative integer, got '${process.argv[i + 1] ?? ''}'.`);
    process.exit(1);
  }
  return v;
}

const runs = flag('runs', 10000);
const seed = flag('seed', Date.now() % 2 ** 31);
const OPERATORS = ['where', 'project', 'project-away', 'project-rename', 'project-reorder', 'extend', 'summarize', 'count', 'distinct',
  'order by', 'sort by', 'top', 'take', 'limit', 'join', 'union', 'mv-expand', 'parse', 'render'];
export const engine: EngineLike = {
  analyze: (text) => analyze(text, { catalog: CATALOG, dialect: 'kusto' }),
  complete: (text, offset) => complete(text, offset, { catalog: CATALOG, dialect: 'kusto' }),
  names: { operators: new Set(OPERATORS), functions: new Set(scalarFunctions.keys()), aggregates: new Set(aggregateFunctions.keys()) },
};

console.log(`conformance: ${runs} generated queries, seed ${seed} (replay with --seed ${seed})`);
const started = Date.now();
const report = runConformance({ registry: { scalarFunctions, aggregateFunctions }, catalog: CATALOG, engine, seed, runs });
const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(2)} %` : 'n/a');
console.log(`supported set: ${pct(report.supportedShare, 1)} of the generated (non-mutant) queries`);
for (const [check, c] of Object.entries(report.checks)) console.log(`${check.padEnd(12)} ${pct(c.agree, c.total).padStart(9)} agreement (${c.agree}/${c.total})`);
console.log(`\n${report.disagreements.length} kinds of disagreement; the most common:`);
for (const d of report.disagreements.slice(0, flag('top', 10))) {
  console.log(`\n[${d.count}] ${d.signature}`);
  if (d.detail) console.log(`  ${d.detail}`);
  console.log(`  ${d.example.replace(/\n/g, '\n  ')}`);
}
console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s`);
