// npm run bench:roundtrip — tenant attach end to end: a cloud, a site attached to it and this machine's
// agent, each its own process running the built bundle (as users run it), SQLite in a temp dir. A Help
// Desk operator signs in once (Bearer session, no password hashing per request), warms up, then runs
// sequential single-device `OS` queries: POST RunCMPivot, then wait for the operation's end — on its SSE
// Events stream (default) or by polling CMPivotResult every 2 ms (--wait poll). Prints p50/p95/p99/max of
// the client-observed total and of each hop, from the timestamps the relay messages carry (the operation's
// Timing). Targets (issue 7): p50 under 50 ms, p99 under 250 ms.
//
// Flags: --runs 200  --warmup 10  --wait sse|poll  --keep (leave the temp dir with the processes' logs)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { cpus, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { killChildrenOnInterrupt, stopAll, track, waitForLine } from './processes.js';
import { sseEvents } from './sse.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'packages/cli/bin/openpivot.js');
const QUERY = 'OS';
const V = '/AdminService/v1.0';
const UPN = 'helen@bench.test';
const PASSWORD = 'bench-roundtrip-helen-1';
const HOST = hostname().split('.')[0]!;
const TARGET = { p50: 50, p99: 250 };

interface Flags { runs: number; warmup: number; wait: 'sse' | 'poll'; keep: boolean }

function parseFlags(argv: readonly string[]): Flags {
  const f: Flags = { runs: 200, warmup: 10, wait: 'sse', keep: false };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]!;
    if (name === '--keep') { f.keep = true; continue; }
    const value = argv[++i];
    if (value === undefined) throw new Error(`${name}: expected a value`);
    const whole = (min: number, max: number): number => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name}: expected a whole number from ${min} to ${max}, got '${value}'`);
      return n;
    };
    switch (name) {
      case '--runs': f.runs = whole(1, 100_000); break;
      case '--warmup': f.warmup = whole(0, 10_000); break;
      case '--wait':
        if (value !== 'sse' && value !== 'poll') throw new Error(`--wait: expected sse or poll, got '${value}'`);
        f.wait = value;
        break;
      default: throw new Error(`unknown flag ${name}; try --runs 200 --warmup 10 --wait sse|poll --keep`);
    }
  }
  return f;
}

// ---------- processes ----------

/** The bundle runs (no OPENPIVOT_DEV), as users run it; no tsx or other NODE_OPTIONS of ours leak in. */
function childEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.OPENPIVOT_DEV;
  delete env.NODE_OPTIONS;
  return env;
}

let workDir: string | null = null;
let keepWork = false;

function removeWork(): void {
  if (workDir && !keepWork) rmSync(workDir, { recursive: true, force: true });
}

// Ctrl-C (or a timeout's SIGTERM) must not leave a cloud, a site and an agent running behind.
killChildrenOnInterrupt(removeWork);

/** A long-running `openpivot …` process; its stderr (JSON logs) goes to a file in the work dir. */
function spawnOpenpivot(args: readonly string[], logFile: string): ChildProcess {
  return track(spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: childEnv(), stdio: ['ignore', 'pipe', openSync(logFile, 'a')] }));
}

/** An `openpivot` admin command that must succeed; its standard output, trimmed. */
async function must(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<string> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  if (code !== 0) throw new Error(`openpivot ${args.join(' ')} exited ${code}: ${err.trim()}`);
  return out.trim();
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ---------- the cloud's API ----------

class Cloud {
  private token = '';
  constructor(readonly base: string) {}

  /** Signs in once: later requests carry the session token, so no password is hashed per request. */
  async signIn(upn: string, password: string): Promise<void> {
    const res = await fetch(`${this.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ upn, password }) });
    if (res.status !== 201) throw new Error(`sign-in of ${upn}: ${res.status} ${await res.text()}`);
    this.token = ((await res.json()) as { token: string }).token;
  }

  headers(): Record<string, string> {
    return { authorization: `Bearer ${this.token}` };
  }

  async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.base}${V}${path}`, {
      method, headers: { ...this.headers(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  }
}

/** What the relay's messages carried (ms since the epoch), as the operation's Timing holds it. */
interface Timing { receivedAt: number; dispatchedAt: number; answeredAt: number; sentAt: number; cloudReceivedAt: number }

interface Summary { OperationId: number; Status: string; DeviceStatus: string | null; Rows: number; Created: string; Timing: Timing | null }

/** The `end` event of the operation's Events stream: its final summary, with Timing. */
async function endOf(cloud: Cloud, opId: number): Promise<Summary> {
  const res = await fetch(`${cloud.base}${V}/CMPivotOperations(${opId})/Events`, { headers: cloud.headers() });
  if (!res.ok || !res.body) throw new Error(`events of operation ${opId}: ${res.status}`);
  for await (const { event, data } of sseEvents(res.body)) {
    if (event === 'end') return data as Summary;
  }
  throw new Error(`operation ${opId}: the event stream closed without an end`);
}

/** Polls CMPivotResult every 2 ms while it answers 404 NotReady; the rows once the device answered. */
async function pollResult(cloud: Cloud, machineId: number, opId: number): Promise<{ Status: string; Result: unknown[] }> {
  const until = Date.now() + 30_000;
  for (;;) {
    const r = await cloud.request('GET', `/Device(${machineId})/AdminService.CMPivotResult(OperationId=${opId})`);
    const error = (r.body as { error?: { code?: string } } | null)?.error;
    if (r.status === 200) return (r.body as { value: { Status: string; Result: unknown[] } }).value;
    if (r.status !== 404 || error?.code !== 'NotReady') throw new Error(`result of operation ${opId}: ${r.status} ${JSON.stringify(r.body)}`);
    if (Date.now() > until) throw new Error(`operation ${opId}: no result within 30 s`);
    await sleep(2);
  }
}

/** One query's figures, in ms. */
interface Run {
  total: number;
  /** POST RunCMPivot returned (the cloud answers once the site admitted the query). */
  submitReturned: number;
  clientToCloud: number;
  cloudToSite: number;
  siteAdmit: number;
  agent: number;
  siteAnswer: number;
  siteToCloud: number;
  cloudToClient: number;
}

async function runOnce(cloud: Cloud, machineId: number, wait: Flags['wait']): Promise<Run> {
  const startedAt = Date.now();
  const t0 = performance.now();
  const r = await cloud.request('POST', `/Device(${machineId})/AdminService.RunCMPivot`, { InputQuery: QUERY });
  if (r.status !== 200) throw new Error(`RunCMPivot: ${r.status} ${JSON.stringify(r.body)}`);
  const submitReturned = performance.now() - t0;
  const opId = (r.body as { value: { OperationId: number } }).value.OperationId;
  let summary: Summary;
  let sawAt: number;
  let total: number;
  if (wait === 'sse') {
    summary = await endOf(cloud, opId);
    total = performance.now() - t0;
    sawAt = Date.now();
    if (summary.Rows < 1) throw new Error(`operation ${opId}: no rows (${JSON.stringify(summary)})`);
  } else {
    const result = await pollResult(cloud, machineId, opId);
    total = performance.now() - t0;
    sawAt = Date.now();
    if (result.Result.length < 1) throw new Error(`operation ${opId}: no rows`);
    summary = await endOf(cloud, opId); // ended already: the stream's first update is `end`, with Timing
  }
  if (summary.Status !== 'completed' || summary.DeviceStatus !== 'completed') throw new Error(`operation ${opId} ended ${summary.Status}/${summary.DeviceStatus}`);
  const t = summary.Timing;
  if (!t) throw new Error(`operation ${opId}: no Timing in its summary`);
  const createdAt = Date.parse(summary.Created);
  return {
    total, submitReturned,
    clientToCloud: createdAt - startedAt,
    cloudToSite: t.receivedAt - createdAt,
    siteAdmit: t.dispatchedAt - t.receivedAt,
    agent: t.answeredAt - t.dispatchedAt,
    siteAnswer: t.sentAt - t.answeredAt,
    siteToCloud: t.cloudReceivedAt - t.sentAt,
    cloudToClient: sawAt - t.cloudReceivedAt,
  };
}

// ---------- setup ----------

interface Setup { cloud: Cloud; machineId: number; logs: string[] }

async function setUp(work: string): Promise<Setup> {
  const cloudData = join(work, 'cloud');
  const siteData = join(work, 'site');
  const logs = ['cloud', 'site', 'agent'].map((n) => join(work, `${n}.log`));
  const cloudProc = spawnOpenpivot(['cloud', '--data', cloudData, '--port', '0', '--host', '127.0.0.1'], logs[0]!);
  const cloudUrl = (await waitForLine(cloudProc, /listening on (http:\/\/\S+)/, 'cloud start', 60_000))[1]!;
  const tenant = await must(['cloud', 'tenant', 'add', 'Bench', '--data', cloudData]);
  await must(['cloud', 'user', 'add', UPN, '--tenant', tenant, '--role', 'Help Desk Operator', '--data', cloudData], { OPENPIVOT_PASSWORD: PASSWORD });
  const code = await must(['cloud', 'attach-code', '--tenant', tenant, '--data', cloudData]);
  await must(['site', 'attach', '--cloud', cloudUrl, '--code', code, '--data', siteData]);
  const site = spawnOpenpivot(['site', '--data', siteData, '--port', '0', '--host', '127.0.0.1'], logs[1]!);
  const siteUrl = (await waitForLine(site, /listening on (http:\/\/\S+)/, 'site start', 60_000))[1]!;
  // The site maps the cloud user by name to a site user with Helpdesk Operator (Run CMPivot on All
  // Systems); the built-in roles exist once the site has started.
  await must(['site', 'user', 'add', UPN, '--role', 'Helpdesk Operator', '--data', siteData], { OPENPIVOT_PASSWORD: 'bench-roundtrip-site-1' });
  const token = await must(['site', 'enroll-token', '--data', siteData]);
  spawnOpenpivot(['agent', '--site', siteUrl, '--token', token, '--data', join(work, 'agent')], logs[2]!);

  const cloud = new Cloud(cloudUrl);
  await cloud.signIn(UPN, PASSWORD);
  const until = Date.now() + 60_000;
  for (;;) {
    const r = await cloud.request('GET', '/Device');
    const mine = ((r.body as { value?: { MachineId: number; Name: string; IsOnline: boolean }[] } | null)?.value ?? []).find((d) => d.Name === HOST && d.IsOnline);
    if (mine) return { cloud, machineId: mine.MachineId, logs };
    if (Date.now() > until) throw new Error(`this machine (${HOST}) did not show online in the cloud within 60 s`);
    await sleep(100);
  }
}

// ---------- report ----------

/** Nearest-rank percentile. */
function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

const HOPS: readonly [keyof Run, string][] = [
  ['total', 'total (client-observed: POST → answer seen)'],
  ['submitReturned', '  of which POST RunCMPivot returned (site admitted)'],
  ['clientToCloud', 'client → cloud created the operation'],
  ['cloudToSite', 'cloud created → site received (receivedAt)'],
  ['siteAdmit', 'site received → dispatched to agent'],
  ['agent', 'dispatched → agent answered (answeredAt)'],
  ['siteAnswer', 'answered → site sent (sentAt)'],
  ['siteToCloud', 'site sent → cloud received'],
  ['cloudToClient', 'cloud received → client saw it'],
];

function report(runs: readonly Run[], wait: Flags['wait']): void {
  const f = (x: number): string => x.toFixed(1).padStart(7);
  console.log(`\n| ${'hop (ms)'.padEnd(52)} |     p50 |     p95 |     p99 |     max |`);
  console.log(`|${'-'.repeat(54)}|--------:|--------:|--------:|--------:|`);
  for (const [key, label] of HOPS) {
    const xs = runs.map((r) => r[key]);
    console.log(`| ${label.padEnd(52)} | ${f(pct(xs, 50))} | ${f(pct(xs, 95))} | ${f(pct(xs, 99))} | ${f(Math.max(...xs))} |`);
  }
  const totals = runs.map((r) => r.total);
  const p50 = pct(totals, 50);
  const p99 = pct(totals, 99);
  console.log(`\nanswer awaited by: ${wait === 'sse' ? 'the SSE Events stream (`end` event)' : 'polling CMPivotResult every 2 ms'}; hop times are whole ms (Date.now on one clock).`);
  console.log(`targets: p50 under ${TARGET.p50} ms — ${p50 < TARGET.p50 ? 'met' : 'MISSED'} (${p50.toFixed(1)}); ` +
    `p99 under ${TARGET.p99} ms — ${p99 < TARGET.p99 ? 'met' : 'MISSED'} (${p99.toFixed(1)}).`);
}

async function main(): Promise<void> {
  const f = parseFlags(process.argv.slice(2));
  keepWork = f.keep;
  const work = mkdtempSync(join(tmpdir(), 'openpivot-roundtrip-'));
  workDir = work;
  const cpu = cpus();
  console.log(`machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), node ${process.version}`);
  console.log(`query: ${QUERY} on this machine (${HOST}), cloud → site → agent → back, separate processes (bundle); ` +
    `${f.warmup} warm-up + ${f.runs} timed sequential runs; waiting on ${f.wait === 'sse' ? 'SSE Events' : 'CMPivotResult polled every 2 ms'}`);
  let logs: string[] = [];
  try {
    const setup = await setUp(work);
    logs = setup.logs;
    for (let i = 0; i < f.warmup; i++) await runOnce(setup.cloud, setup.machineId, f.wait);
    const runs: Run[] = [];
    for (let i = 0; i < f.runs; i++) runs.push(await runOnce(setup.cloud, setup.machineId, f.wait));
    report(runs, f.wait);
  } catch (e) {
    console.error(`bench:roundtrip failed: ${e instanceof Error ? e.message : String(e)}`);
    for (const file of logs.length > 0 ? logs : ['cloud', 'site', 'agent'].map((n) => join(work, `${n}.log`))) {
      try {
        console.error(`--- last lines of ${file}:\n${readFileSync(file, 'utf8').trimEnd().split('\n').slice(-10).join('\n')}`);
      } catch { /* not started */ }
    }
    process.exitCode = 1;
  } finally {
    await stopAll(15_000);
    if (f.keep) console.log(`logs kept in ${work}`);
    removeWork();
  }
}

await main();
