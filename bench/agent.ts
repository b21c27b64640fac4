// npm run bench:agent — per entity, the median time to collect it through its provider (20 runs) next
// to the median time of an independent tool doing the same work in the same run, and the idle RSS of
// a process holding the agent. Targets (issue 3): no entity slower than 1.5× its tool; Process under
// 100 ms with 500 processes; idle RSS under 60 MB.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LINUX_PROVIDERS } from '../packages/agent/src/providers/linux/index.js';
import { createPathPolicy } from '../packages/agent/src/local/path-policy.js';
import type { Provider } from '../packages/agent/src/providers/provider.js';
import type { Value } from '../packages/kql/src/index.js';

const run = promisify(execFile);

// AgentLog reads the agent's own JSON-lines logs: give it 10,000 lines to read.
const LOG_DIR = mkdtempSync(join(tmpdir(), 'openpivot-bench-'));
writeFileSync(join(LOG_DIR, 'bench.log'), Array.from({ length: 10_000 }, (_, i) =>
  JSON.stringify({ time: Date.now() - (10_000 - i) * 1000, level: 'info', component: 'channel', msg: `message ${i}` })).join('\n') + '\n');
process.env.OPENPIVOT_LOG_DIR = LOG_DIR;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

/** The independent tool for each entity: the command a person would use to see the same thing. */
const TOOLS: Readonly<Record<string, { args?: Value[]; cmd: string[] }>> = {
  Process: { cmd: ['ps', '-eo', 'pid,ppid,user,rss,nlwp,lstart,comm,args'] },
  Connection: { cmd: ['ss', '-tnp', 'state', 'established'] },
  InstalledSoftware: { cmd: ['dpkg-query', '-W', '-f', '${Package}\t${Version}\t${Maintainer}\n'] },
  LogicalDisk: { cmd: ['df', '-B1', '--output=source,fstype,size,avail,target'] },
  IPConfig: { cmd: ['ip', '-j', 'addr'] },
  NetworkAdapter: { cmd: ['ip', '-j', '-s', 'link'] },
  Administrators: { cmd: ['getent', 'group'] },
  ProcessModule: { args: ['node'], cmd: ['sh', '-c', 'for p in $(pgrep -x node); do cat /proc/$p/maps; done | awk \'{print $6}\' | grep / | sort -u | xargs md5sum >/dev/null 2>&1'] },
  // The log providers parse every line into fields; `wc -l` only counts lines. awk splitting each line
  // into fields is the least a tool doing the same work does (jq, which parses the JSON, is ~10× slower).
  AgentLog: { args: ['bench', 3650 * 86_400_000], cmd: ['awk', '{ n += NF } END { print n }', `${LOG_DIR}/bench.log`] },
  User: { cmd: ['who'] },
  Disk: { cmd: ['lsblk', '-b', '-J', '-d'] },
  Partition: { cmd: ['lsblk', '-b', '-J'] },
  Processor: { cmd: ['lscpu', '-J'] },
  Memory: { cmd: ['free', '-b'] },
  OperatingSystem: { cmd: ['cat', '/etc/os-release', '/proc/version'] },
  OS: { cmd: ['cat', '/etc/os-release'] },
  TimeZone: { cmd: ['date', '+%Z %z'] },
  File: { args: ['/usr/bin/s*'], cmd: ['sh', '-c', 'sha256sum /usr/bin/s* >/dev/null; md5sum /usr/bin/s* >/dev/null'] },
  FileContent: { args: ['/var/lib/dpkg/status'], cmd: ['wc', '-l', '/var/lib/dpkg/status'] },
  Environment: { cmd: ['env'] },
  Certificate: { cmd: ['sh', '-c', 'for f in /etc/ssl/certs/*.pem; do openssl x509 -noout -subject -in "$f"; done 2>/dev/null | head -c 0'] },
  Service: { cmd: ['ls', '-l', '/etc/init.d'] },
  EventLog: { args: ['dpkg', 3650 * 86_400_000], cmd: ['awk', '{ n += NF } END { print n }', '/var/log/dpkg.log'] },
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeProvider(p: Provider, args: readonly Value[]): Promise<{ ms: number; rows: number }> {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    rows = 0;
    for await (const _ of p.collect({ args, constraints: [], signal: new AbortController().signal, policy: createPathPolicy(), now: Date.now() })) rows++;
    times.push(performance.now() - t);
  }
  return { ms: median(times), rows };
}

async function timeTool(cmd: readonly string[]): Promise<number | null> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    try {
      await run(cmd[0]!, cmd.slice(1), { maxBuffer: 256 * 1024 * 1024 });
    } catch {
      return null;
    }
    times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * RSS of a fresh Node process that has loaded the agent (catalog and every provider) and sits idle:
 * as a device runs it (the bundle scripts/build.mjs makes, plain JavaScript) and from the TypeScript
 * sources through tsx (its compiler service and loader thread included), for comparison.
 */
async function idleRss(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', () => (out ? resolve(Number(out.trim())) : reject(new Error('the idle probe printed nothing'))));
  });
}

const lines: string[] = [];
const table = ['| entity | rows | agent ms (median of ' + RUNS + ') | tool | tool ms | agent ÷ tool |', '|---|---:|---:|---|---:|---:|'];
for (const p of LINUX_PROVIDERS) {
  const tool = TOOLS[p.entity];
  let measured: { ms: number; rows: number };
  try {
    measured = await timeProvider(p, tool?.args ?? []);
  } catch (e) {
    console.log(`${p.entity.padEnd(20)} failed: ${e instanceof Error ? e.message : String(e)}`);
    continue;
  }
  const { ms, rows } = measured;
  const toolMs = tool ? await timeTool(tool.cmd) : null;
  const ratio = toolMs ? (ms / toolMs).toFixed(2) : '—';
  const toolName = tool ? `\`${tool.cmd.slice(0, 3).join(' ')}\`` : '—';
  table.push(`| ${p.entity} | ${rows} | ${ms.toFixed(1)} | ${toolName} | ${toolMs === null ? '—' : toolMs.toFixed(1)} | ${ratio} |`);
  lines.push(`${p.entity.padEnd(20)} ${String(rows).padStart(6)} rows  agent ${ms.toFixed(1).padStart(8)} ms  tool ${toolMs === null ? '     —' : toolMs.toFixed(1).padStart(8)} ms  ratio ${ratio}`);
  console.log(lines.at(-1));
}
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const bundle = fileURLToPath(new URL('../dist/agent-idle.mjs', import.meta.url));
const bundled = existsSync(bundle) ? await idleRss([bundle]) : null;
const viaTsx = await idleRss(['--import', 'tsx', fileURLToPath(new URL('./agent-idle.ts', import.meta.url))]);
const idle = [
  `idle RSS, bundled agent (dist/agent-idle.mjs, as a device runs it): ${bundled === null ? 'not built — run npm run build' : mb(bundled)}`,
  `idle RSS, agent from sources through tsx (development):           ${mb(viaTsx)}`,
];
console.log(`\n${idle.join('\n')}`);
console.log(`\nMarkdown:\n\n${table.join('\n')}\n\nIdle RSS: ${bundled === null ? 'bundle not built' : mb(bundled)} bundled; ${mb(viaTsx)} through tsx.`);
