// npm run bench:fanout — one site node (its own process, the built bundle, SQLite) and N simulated agents
// (a second process), for each N: the time from starting the simulator until the site has welcomed all
// N, the site's RSS per connected agent, and the time from submitting `Device | summarize count() by
// OSVersion` to holding the merged result (read off the operation's SSE stream), p50/p99 over the runs.
// Every run's merged counts must add up to N: a benchmark that times a wrong answer is worthless.
// Targets (issue): 10,000 agents answer in under 2 s at p99; under 40 KB of site memory per agent.
//
// Flags: --agents 1000,10000  --runs 20  --rate 2000 (connections/s the simulator starts)
//        --profile DIR (the site and simulator write --cpu-prof profiles there).
// The script runs itself as the simulator process with --fleet (internal).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { killChildrenOnInterrupt, stop, track, waitForLine } from './processes.js';
import { sseEvents } from './sse.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'packages/cli/bin/openpivot.js');
const QUERY = 'Device | summarize count() by OSVersion';
const PASSWORD = 'bench-fanout-admin-1';
const V = '/AdminService/v1.0';

interface Flags { agents: number[]; runs: number; rate: number; profile: string | null; fleet: number; site: string; token: string }

function parseFlags(argv: readonly string[]): Flags {
  const f: Flags = { agents: [1_000, 10_000], runs: 20, rate: 2_000, profile: null, fleet: 0, site: '', token: '' };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]!;
    const value = argv[i + 1];
    if (value === undefined || !name.startsWith('--')) throw new Error(`${name}: expected --agents, --runs, --rate or --profile, each with a value`);
    i++;
    const whole = (v: string, min: number, max: number): number => {
      const n = Number(v.replaceAll('_', ''));
      if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name}: expected a whole number from ${min} to ${max}, got '${v}'`);
      return n;
    };
    switch (name) {
      case '--agents': f.agents = value.split(',').map((v) => whole(v.trim(), 1, 100_000)); break;
      case '--runs': f.runs = whole(value, 1, 10_000); break;
      case '--rate': f.rate = whole(value, 1, 100_000); break;
      case '--profile': f.profile = resolve(value); break;
      case '--fleet': f.fleet = whole(value, 1, 100_000); break;
      case '--site': f.site = value; break;
      case '--token': f.token = value; break;
      default: throw new Error(`unknown flag ${name}; try --agents 1000,10000 --runs 20 --rate 2000 --profile DIR`);
    }
  }
  return f;
}

// ---------- processes ----------

/** VmRSS of a process, in KB, from /proc. */
function rssKb(pid: number): number {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for process ${pid}`);
  return Number(m[1]);
}

/** CPU time (user + system) a process has used, in ms, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The bundle runs (no OPENPIVOT_DEV), as a deployed site does; no tsx or other NODE_OPTIONS of ours leak in. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENPIVOT_ADMIN_PASSWORD: PASSWORD };
  delete env.OPENPIVOT_DEV;
  delete env.NODE_OPTIONS;
  return env;
}

// Ctrl-C (or a timeout's SIGTERM) must not leave a site holding 10,000 sockets behind.
killChildrenOnInterrupt();

/**
 * Children run through bash only to raise their soft descriptor limit (10,000 sockets each; node cannot
 * call setrlimit); `exec` keeps the pid, so /proc/<pid> is the node process. --cpu-prof is refused in
 * NODE_OPTIONS, so it goes on the command line; the profile is written when the process exits.
 */
function spawnNode(args: readonly string[], profile: string | null, stderrFile: string): ChildProcess {
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const quoted = [process.execPath, ...flags, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  return track(spawn('bash', ['-c', `ulimit -n 20000 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec ${quoted}`], {
    cwd: ROOT, env: childEnv(), stdio: ['ignore', 'pipe', openSync(stderrFile, 'a')],
  }));
}

async function runCli(args: readonly string[]): Promise<string> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: childEnv(), stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  if (code !== 0) throw new Error(`openpivot ${args.join(' ')} exited ${code}`);
  return out.trim();
}

// ---------- the simulator process (--fleet N) ----------

/** Runs N simulated agents; prints `ready <ms>` once all are welcomed, stops on SIGTERM. */
async function fleetMain(f: Flags): Promise<void> {
  const { simulateAgents, createLogger } = await import('@openpivot/agent');
  const log = createLogger({ level: 'warn', fields: { component: 'bench-fleet' } });
  const started = performance.now();
  const fleet = await simulateAgents({ count: f.fleet, siteUrl: f.site, token: f.token, connectRate: f.rate, log });
  await fleet.ready(f.fleet, 600_000);
  process.stdout.write(`ready ${(performance.now() - started).toFixed(1)}\n`);
  await new Promise<void>((r) => process.once('SIGTERM', () => r()));
  await fleet.close();
  process.exit(0);
}

// ---------- the site's API ----------

interface RunResult {
  /** Submit → merged result in hand. */
  readonly total: number;
  /** Submit → OperationId back. */
  readonly submit: number;
  /** Submit → the first device's answer stored (seen on the stream). */
  readonly first: number;
  /** Submit → the last device's answer stored: what follows is finishing the operation and the merge. */
  readonly answered: number;
  /** CPU the site and the simulator spent during the run (ms): on 2 cores, wall time alone hides who waits for whom. */
  readonly siteCpu: number;
  readonly fleetCpu: number;
}

function authHeader(): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}` };
}

async function api<T>(base: string, path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${base}${V}${path}`, { ...init, headers: { ...authHeader(), 'content-type': 'application/json', ...init.headers } });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function onlineDevices(base: string): Promise<number> {
  const body = await api<{ value: { IsOnline: boolean }[] }>(base, '/Device');
  return body.value.filter((d) => d.IsOnline).length;
}

/** The `result` event: the operation's summary and the merged rows. */
interface MergedResult { Counts: Record<string, number>; Devices: number; Result: { OSVersion: string; count_: number }[] }

const FINAL = new Set(['completed', 'no-results', 'failed', 'truncated', 'timed-out', 'offline', 'cancelled']);

/**
 * Submits the query to All Systems and reads the operation's event stream to its `result`. Throws when
 * the merged counts do not add up to `expected` devices, or any device did not complete.
 */
async function runQuery(base: string, expected: number, pids: readonly number[] = []): Promise<RunResult> {
  const cpu0 = pids.map(cpuMs);
  const t0 = performance.now();
  const { OperationId } = await api<{ OperationId: number }>(base, "/Collections('SMS00001')/AdminService.RunCMPivot", {
    method: 'POST', body: JSON.stringify({ InputQuery: QUERY }),
  });
  const submit = performance.now() - t0;
  const res = await fetch(`${base}${V}/CMPivotOperations(${OperationId})/Events`, { headers: authHeader() });
  if (!res.ok || !res.body) throw new Error(`events of operation ${OperationId}: ${res.status}`);
  let first = 0;
  let answered = submit;
  let result: MergedResult | null = null;
  for await (const { event, data } of sseEvents(res.body)) {
    if (event === 'snapshot') {
      // The stream may open after devices answered: those are in the snapshot, not in device events.
      const finals = (data as { Targets: { Status: string }[] }).Targets.filter((t) => FINAL.has(t.Status)).length;
      if (finals > 0) first = performance.now() - t0;
      if (finals > 0 && finals === expected) answered = first;
    } else if (event === 'device') {
      if (FINAL.has((data as { Status: string }).Status)) {
        answered = performance.now() - t0;
        if (first === 0) first = answered;
      }
    } else if (event === 'result') {
      result = data as MergedResult;
      break;
    }
  }
  const total = performance.now() - t0;
  const [siteCpu = 0, fleetCpu = 0] = pids.map((pid, i) => cpuMs(pid) - cpu0[i]!);
  if (!result) throw new Error(`operation ${OperationId}: the event stream ended without a result`);
  const sum = result.Result.reduce((s, r) => s + r.count_, 0);
  const completed = result.Counts.completed ?? 0;
  if (sum !== expected || completed !== expected || result.Devices !== expected) {
    throw new Error(`operation ${OperationId}: wrong answer — counts add up to ${sum}, ${completed} of ${result.Devices} devices completed, expected ${expected} (statuses ${JSON.stringify(result.Counts)})`);
  }
  return { total, submit, first: first || answered, answered, siteCpu, fleetCpu };
}

// ---------- one fleet size ----------

interface Figures {
  readonly agents: number;
  readonly connectMs: number;
  /** CPU the site spent while the agents connected (enrollment: signature checks, three store writes each). */
  readonly connectSiteCpu: number;
  readonly siteBeforeKb: number;
  readonly siteAfterKb: number;
  readonly siteEndKb: number;
  readonly fleetKb: number;
  readonly firstRun: RunResult;
  readonly runs: RunResult[];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function benchOne(n: number, f: Flags, work: string): Promise<Figures> {
  const data = join(work, `site-${n}`);
  mkdirSync(data, { recursive: true });
  const token = await runCli(['site', 'enroll-token', '--data', data, '--uses', String(n)]);
  const site = spawnNode([CLI, 'site', '--data', data, '--port', '0', '--host', '127.0.0.1'], f.profile, join(work, `site-${n}.log`));
  let fleet: ChildProcess | null = null;
  try {
    const base = (await waitForLine(site, /listening on (http:\/\/\S+)/, 'site start', 60_000))[1]!;
    // Warm the paths a query takes (auth, admission, SSE, merge) on an empty collection before measuring.
    for (let i = 0; i < 3; i++) await runQuery(base, 0);
    await sleep(500);
    const siteBeforeKb = rssKb(site.pid!);
    const siteCpu0 = cpuMs(site.pid!);

    const self = fileURLToPath(import.meta.url);
    fleet = spawnNode(['--import', 'tsx', self, '--fleet', String(n), '--site', base, '--token', token, '--rate', String(f.rate)], f.profile, join(work, `fleet-${n}.log`));
    const connectMs = Number((await waitForLine(fleet, /^ready (\S+)/, `${n} agents connecting`, 600_000))[1]);
    const connectSiteCpu = cpuMs(site.pid!) - siteCpu0;
    const online = await onlineDevices(base);
    if (online !== n) throw new Error(`the simulator says ${n} are connected, the site shows ${online} online`);
    await sleep(2_000); // let connection-time garbage go before reading the site's memory
    const siteAfterKb = rssKb(site.pid!);
    const fleetKb = rssKb(fleet.pid!);

    const pids = [site.pid!, fleet.pid!];
    const firstRun = await runQuery(base, n, pids);
    const runs: RunResult[] = [];
    for (let i = 0; i < f.runs; i++) runs.push(await runQuery(base, n, pids));
    const siteEndKb = rssKb(site.pid!);
    return { agents: n, connectMs, connectSiteCpu, siteBeforeKb, siteAfterKb, siteEndKb, fleetKb, firstRun, runs };
  } finally {
    if (fleet) await stop(fleet, 30_000);
    await stop(site, 30_000);
  }
}

// ---------- report ----------

/** Nearest-rank percentile: p99 of 20 runs is the slowest run. */
function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

const mb = (kb: number): string => `${(kb / 1024).toFixed(1)} MB`;
const ms = (x: number): string => `${x.toFixed(0)} ms`;
const p50 = (r: Figures, k: keyof RunResult): string => ms(pct(r.runs.map((x) => x[k]), 50));
const perAgent = (r: Figures): string => `${((r.siteAfterKb - r.siteBeforeKb) / r.agents).toFixed(1)} KB`;

function report(r: Figures): void {
  const totals = r.runs.map((x) => x.total);
  console.log(`${r.agents.toLocaleString('en').padStart(6)} agents  connect ${(r.connectMs / 1000).toFixed(2)} s ` +
    `(site CPU ${(r.connectSiteCpu / r.agents).toFixed(2)} ms/agent)  site RSS ${mb(r.siteBeforeKb)} → ${mb(r.siteAfterKb)} ` +
    `(${perAgent(r)}/agent; ${mb(r.siteEndKb)} after the runs)  simulator RSS ${mb(r.fleetKb)}`);
  console.log(`        submit → merged result  p50 ${ms(pct(totals, 50))}  p99 ${ms(pct(totals, 99))}  (untimed first run ${ms(r.firstRun.total)})`);
  console.log(`        p50s: OperationId back ${p50(r, 'submit')}, first answer ${p50(r, 'first')}, last answer ${p50(r, 'answered')}; ` +
    `CPU per run: site ${p50(r, 'siteCpu')}, simulator ${p50(r, 'fleetCpu')}; every run's counts added up to ${r.agents.toLocaleString('en')}`);
}

async function main(): Promise<void> {
  const f = parseFlags(process.argv.slice(2));
  if (f.fleet > 0) return fleetMain(f);
  const work = mkdtempSync(join(tmpdir(), 'openpivot-fanout-'));
  if (f.profile) mkdirSync(f.profile, { recursive: true });
  const cpu = cpus();
  const machine = `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), node ${process.version}`;
  console.log(`machine: ${machine}`);
  console.log(`query: ${QUERY}; ${f.runs} timed runs per fleet after one untimed; simulator connect rate ${f.rate}/s; work dir ${work}\n`);
  const all: Figures[] = [];
  try {
    for (const n of f.agents) {
      all.push(await benchOne(n, f, work));
      report(all.at(-1)!);
    }
  } catch (e) {
    console.error(`bench:fanout failed: ${e instanceof Error ? e.message : String(e)}\nthe site's and the simulator's logs are in ${work}`);
    process.exitCode = 1;
    return;
  }
  const table = [
    '| agents | connect | site RSS idle → connected | per agent | simulator RSS | p50 | p99 | first run | site CPU / run |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...all.map((r) => `| ${r.agents.toLocaleString('en')} | ${(r.connectMs / 1000).toFixed(2)} s | ${mb(r.siteBeforeKb)} → ${mb(r.siteAfterKb)} | ${perAgent(r)} | ` +
      `${mb(r.fleetKb)} | ${p50(r, 'total')} | ${ms(pct(r.runs.map((x) => x.total), 99))} | ${ms(r.firstRun.total)} | ${p50(r, 'siteCpu')} |`),
  ];
  console.log(`\nMarkdown (${machine}; submit → merged result, ${f.runs} runs):\n\n${table.join('\n')}`);
  console.log('\nTargets: 10,000 agents under 2 s at p99; under 40 KB of site memory per connected agent.');
  if (!f.profile) rmSync(work, { recursive: true, force: true });
}

await main();
