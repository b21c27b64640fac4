/**
 * `npm run bench:engine`: our query engine against Arquero 7 on the same generated data, in one process.
 * Each line is timed end to end for us (parse + bind + execute to a columnar Table, no JSON rows) and
 * with Arquero's idiomatic verbs; data loading is outside both timings. Medians of timed runs after warm-ups.
 */
import * as aq from 'arquero';
import { analyze, runPlan, type Table as EngineTable, type Catalog } from '../packages/kql/src/index.js';
import { NOW, makeJoinTables, makeProcessTable, toArqueroColumns, toEngineTable, type BenchTable } from './data.js';

const ROWS = 1_000_000;
const JOIN_ROWS = 100_000;
const WARMUPS = 2;
const RUNS = 5;

const op = aq.op;
type ArqueroTable = ReturnType<typeof aq.table>;

interface Case {
  readonly label: string;
  /** Rows the operator reads, for rows/s. */
  readonly inputRows: number;
  readonly kql: string;
  readonly arquero: () => ArqueroTable;
}

interface Timing { readonly ms: number; readonly rows: number }
interface Outcome { readonly c: Case; readonly ours: Timing; readonly theirs: Timing }

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Warm-ups, then the median of timed runs; every run must give the same row count. */
function measure(run: () => number): Timing {
  let rows = -1;
  const times: number[] = [];
  for (let i = 0; i < WARMUPS + RUNS; i++) {
    gc?.();
    const t0 = performance.now();
    const n = run();
    const ms = performance.now() - t0;
    if (rows >= 0 && n !== rows) throw new Error(`row count changed between runs: ${rows} then ${n}`);
    rows = n;
    if (i >= WARMUPS) times.push(ms);
  }
  return { ms: median(times), rows };
}

function engineRunner(catalog: Catalog, tables: Map<string, EngineTable>, text: string): () => number {
  const options = { dialect: 'kusto' as const, now: NOW, catalog, sources: { scan: (node: { table: string }) => tables.get(node.table)! } };
  // Fail loudly once, outside the timing, if the query does not bind.
  const a = analyze(text, options);
  const errors = a.diagnostics.filter((d) => d.severity === 'error');
  if (a.plan === null || errors.length > 0) throw new Error(`query does not bind: ${text}\n${errors.map((d) => d.message).join('\n')}`);
  return () => {
    const { plan } = analyze(text, options);
    return runPlan(plan!, options).length;
  };
}

function catalogOf(...ts: BenchTable[]): Catalog {
  return { tables: ts.map((t) => ({ name: t.name, columns: t.schema })) };
}

function buildCases(): { cases: Case[]; catalog: Catalog; tables: Map<string, EngineTable> } {
  const T = makeProcessTable(ROWS);
  const [L, R] = makeJoinTables(JOIN_ROWS);
  const tables = new Map<string, EngineTable>([T, L, R].map((t) => [t.name, toEngineTable(t)]));
  const catalog = catalogOf(T, L, R);
  const at = aq.table(toArqueroColumns(T));
  const al = aq.table(toArqueroColumns(L));
  const ar = aq.table(toArqueroColumns(R));
  const cases: Case[] = [
    {
      label: 'where Name contains "svc"',
      inputRows: ROWS,
      kql: 'T | where Name contains "svc"',
      // op.includes works on strings too; its typings name only arrays. The cast is erased before Arquero parses the function.
      arquero: () => at.filter((d: { Name: string }) => op.includes(d.Name as unknown as string[], 'svc')),
    },
    {
      label: 'where Name == "svchost.exe"',
      inputRows: ROWS,
      kql: 'T | where Name == "svchost.exe"',
      arquero: () => at.filter((d: { Name: string }) => d.Name === 'svchost.exe'),
    },
    {
      label: 'summarize count() by Publisher',
      inputRows: ROWS,
      kql: 'T | summarize count() by Publisher',
      arquero: () => at.groupby('Publisher').count(),
    },
    {
      label: 'summarize count() by Name',
      inputRows: ROWS,
      kql: 'T | summarize count() by Name',
      arquero: () => at.groupby('Name').count(),
    },
    {
      label: 'summarize count() by bin(StartTime, 1h)',
      inputRows: ROWS,
      kql: 'T | summarize count() by bin(StartTime, 1h)',
      arquero: () => at
        .derive({ hour: (d: { StartTime: number }) => op.floor(d.StartTime / 3600000) * 3600000 })
        .groupby('hour')
        .count(),
    },
    {
      label: `join kind=inner 100k x 100k on ProcessId`,
      inputRows: 2 * JOIN_ROWS,
      kql: 'L | join kind=inner R on ProcessId',
      arquero: () => al.join(ar, 'ProcessId'),
    },
    {
      label: 'order by WorkingSet desc | take 100',
      inputRows: ROWS,
      kql: 'T | order by WorkingSet desc | take 100',
      arquero: () => at.orderby(aq.desc('WorkingSet')).slice(0, 100),
    },
    {
      label: 'top 100 by WorkingSet desc',
      inputRows: ROWS,
      kql: 'T | top 100 by WorkingSet desc',
      arquero: () => at.orderby(aq.desc('WorkingSet')).slice(0, 100),
    },
  ];
  return { cases, catalog, tables };
}

const fmtMs = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
const fmtRate = (rows: number, ms: number) => {
  const r = rows / (ms / 1000);
  return r >= 1e9 ? `${(r / 1e9).toFixed(2)} G` : r >= 1e6 ? `${(r / 1e6).toFixed(1)} M` : `${(r / 1e3).toFixed(0)} k`;
};

function main(): void {
  const t0 = performance.now();
  const { cases, catalog, tables } = buildCases();
  console.log(`data: T ${ROWS.toLocaleString('en-US')} rows, L/R ${JOIN_ROWS.toLocaleString('en-US')} rows each; built in ${fmtMs(performance.now() - t0)} ms`);
  console.log(`each figure: median of ${RUNS} runs after ${WARMUPS} warm-ups${gc ? ', gc between runs' : ''}; node ${process.version}\n`);

  const outcomes: Outcome[] = [];
  let mismatches = 0;
  const head = ['query', 'rows out', 'ours ms', 'ours rows/s', 'arquero ms', 'arquero rows/s', 'ours/aq', 'speedup'];
  const widths = [44, 9, 9, 12, 11, 15, 8, 8];
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' ');
  console.log(line(head));
  for (const c of cases) {
    const ours = measure(engineRunner(catalog, tables, c.kql));
    const theirs = measure(() => c.arquero().numRows());
    outcomes.push({ c, ours, theirs });
    const ok = ours.rows === theirs.rows;
    if (!ok) mismatches++;
    console.log(line([
      c.label,
      ok ? String(ours.rows) : `${ours.rows}≠${theirs.rows}`,
      fmtMs(ours.ms), fmtRate(c.inputRows, ours.ms),
      fmtMs(theirs.ms), fmtRate(c.inputRows, theirs.ms),
      (ours.ms / theirs.ms).toFixed(3), `${(theirs.ms / ours.ms).toFixed(1)}×`,
    ]));
    if (!ok) console.log(`  !!! MISMATCH: ours gave ${ours.rows} rows, Arquero gave ${theirs.rows}`);
  }

  console.log('\nMarkdown:\n');
  console.log('| Query (1,000,000 rows; join 100k × 100k) | Rows out | openpivot ms | openpivot rows/s | Arquero 7 ms | Arquero rows/s | Speedup |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const { c, ours, theirs } of outcomes) {
    console.log(`| \`${c.kql.replace(/\|/g, '\\|')}\` | ${ours.rows.toLocaleString('en-US')} | ${fmtMs(ours.ms)} | ${fmtRate(c.inputRows, ours.ms)} | ${fmtMs(theirs.ms)} | ${fmtRate(c.inputRows, theirs.ms)} | ${(theirs.ms / ours.ms).toFixed(1)}× |`);
  }
  console.log(`\nRows/s counts rows read (both join inputs for the join). Speedup = Arquero time ÷ openpivot time. Total ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
  if (mismatches > 0) {
    console.error(`\n!!! ${mismatches} line(s) where the engines disagree on the row count`);
    process.exitCode = 1;
  }
}

main();
