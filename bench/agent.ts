// npm run bench:agent — per entity, the median time to collect it through its provider (20 runs) next
// to the median time of an independent tool doing the same work in the same run, and the idle RSS of
// a process holding the agent. Targets (issue 3): no entity slower than 1.5× its tool; Process under
// 100 ms with 500 processes; idle RSS under 60 MB.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { LINUX_PROVIDERS } from '../packages/agent/src/providers/linux/index.js';
import { createPathPolicy } from '../packages/agent/src/local/path-policy.js';
import type { Provider } from '../packages/agent/src/providers/provider.js';
import type { Value } from '../packages/kql/src/index.js';

const run = promisify(execFile);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

/** The independent tool for each entity: the command a person would use to see the same thing. */
const TOOLS: Readonly<Record<string, { args?: Value[]; cmd: string[] }>> = {
  Process: { cmd: ['ps', '-eo', 'pid,ppid,user,rss,nlwp,lstart,comm,args'] },
  Connection: { cmd: ['ss', '-tnp', 'state', 'established'] },
  InstalledSoftware: { cmd: ['dpkg-query', '-W', '-f', '${Package}\t${Version}\t${Maintainer}\n'] },
  LogicalDisk: { cmd: ['df', '-B1', '--output=source,fstype,size,avail,target'] },
  IPConfig: { cmd: ['ip', '-j', 'addr'] },
  NetworkAdapter: { cmd: ['ip', '-j', '-s', 'link'] },
  Administrators: { cmd: ['getent', 'group', 'sudo', 'wheel', 'admin', 'root'] },
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
  EventLog: { args: ['dpkg', 3650 * 86_400_000], cmd: ['sh', '-c', 'cat /var/log/dpkg.log | wc -l'] },
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

/** RSS of a fresh Node process that has loaded the agent (catalog and every provider) and sits idle. */
async function idleRss(): Promise<number> {
  const probe = fileURLToPath(new URL('./agent-idle.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', probe], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', () => (out ? resolve(Number(out.trim())) : reject(new Error('the idle probe printed nothing'))));
  });
}

const lines: string[] = [];
const table = ['| entity | rows | agent ms (median of ' + RUNS + ') | tool | tool ms | agent ÷ tool |', '|---|---:|---:|---|---:|---:|'];
for (const p of LINUX_PROVIDERS) {
  const tool = TOOLS[p.entity];
  const { ms, rows } = await timeProvider(p, tool?.args ?? []);
  const toolMs = tool ? await timeTool(tool.cmd) : null;
  const ratio = toolMs ? (ms / toolMs).toFixed(2) : '—';
  const toolName = tool ? `\`${tool.cmd.slice(0, 3).join(' ')}\`` : '—';
  table.push(`| ${p.entity} | ${rows} | ${ms.toFixed(1)} | ${toolName} | ${toolMs === null ? '—' : toolMs.toFixed(1)} | ${ratio} |`);
  lines.push(`${p.entity.padEnd(20)} ${String(rows).padStart(6)} rows  agent ${ms.toFixed(1).padStart(8)} ms  tool ${toolMs === null ? '     —' : toolMs.toFixed(1).padStart(8)} ms  ratio ${ratio}`);
  console.log(lines.at(-1));
}
const rss = await idleRss();
console.log(`\nidle RSS of a process holding the agent: ${(rss / 1024 / 1024).toFixed(1)} MB`);
console.log(`\nMarkdown:\n\n${table.join('\n')}\n\nIdle RSS: ${(rss / 1024 / 1024).toFixed(1)} MB.`);
