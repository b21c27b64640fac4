/**
 * `npm run conformance -- --runs 100000 [--seed N] [--dialect kusto|cmpivot] [--top N]`: the differential checks against the official
 * Kusto language service on many generated queries, with agreement rates and the commonest disagreements.
 */
import { CATALOG } from '@openpivot/entities';
import { conformanceEngine, ENGINE_REGISTRY, runConformance } from '@openpivot/testkit';

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
const d = process.argv.indexOf('--dialect');
const dialect = d < 0 ? 'kusto' : process.argv[d + 1];
if (dialect !== 'kusto' && dialect !== 'cmpivot') {
  console.error(`--dialect is kusto or cmpivot, got '${dialect ?? ''}'.`);
  process.exit(1);
}

console.log(`conformance (${dialect} dialect): ${runs} generated queries, seed ${seed} (replay with --seed ${seed})`);
const started = Date.now();
const report = runConformance({ registry: ENGINE_REGISTRY, catalog: CATALOG, engine: conformanceEngine(dialect), seed, runs });
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
