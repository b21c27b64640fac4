// npm run bench:providers — the speed comparisons that used to sit in the Linux provider unit tests as
// timed assertions: for each provider, the median time to collect it next to the median time of the tool
// its test compared it with, on the same input, and the ratio. It prints figures and asserts nothing (the
// old test bounds, e.g. "under 1.5× openssl", are the yardstick to read the ratio against).
// BENCH_RUNS sets the number of runs per figure (default 7; the costly File row uses at most 3).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Provider } from '../packages/agent/src/providers/provider.js';
import type { Value } from '../packages/kql/src/index.js';
import { ADMIN_GROUPS, administratorsProvider } from '../packages/agent/src/providers/linux/administrators.js';
import { createAgentLogProvider } from '../packages/agent/src/providers/linux/agent-log.js';
import { autoStartSoftwareProvider } from '../packages/agent/src/providers/linux/auto-start-software.js';
import { biosProvider } from '../packages/agent/src/providers/linux/bios.js';
import { certificateProvider } from '../packages/agent/src/providers/linux/certificate.js';
import { computerSystemProvider } from '../packages/agent/src/providers/linux/computer-system.js';
import { connectionProvider } from '../packages/agent/src/providers/linux/connection.js';
import { deviceProvider } from '../packages/agent/src/providers/linux/device.js';
import { diskProvider } from '../packages/agent/src/providers/linux/disk.js';
import { eventLogProvider } from '../packages/agent/src/providers/linux/event-log.js';
import { fileContentProvider } from '../packages/agent/src/providers/linux/file-content.js';
import { fileProvider } from '../packages/agent/src/providers/linux/file.js';
import { installedSoftwareProvider } from '../packages/agent/src/providers/linux/installed-software.js';
import { ipConfigProvider } from '../packages/agent/src/providers/linux/ip-config.js';
import { logicalDiskProvider } from '../packages/agent/src/providers/linux/logical-disk.js';
import { memoryProvider } from '../packages/agent/src/providers/linux/memory.js';
import { networkAdapterProvider } from '../packages/agent/src/providers/linux/network-adapter.js';
import { operatingSystemProvider } from '../packages/agent/src/providers/linux/operating-system.js';
import { osProvider } from '../packages/agent/src/providers/linux/os.js';
import { partitionProvider } from '../packages/agent/src/providers/linux/partition.js';
import { physicalMemoryProvider } from '../packages/agent/src/providers/linux/physical-memory.js';
import { processModuleProvider } from '../packages/agent/src/providers/linux/process-module.js';
import { processProvider } from '../packages/agent/src/providers/linux/process.js';
import { processorProvider } from '../packages/agent/src/providers/linux/processor.js';
import { serviceProvider } from '../packages/agent/src/providers/linux/service.js';
import { systemBootDataProvider } from '../packages/agent/src/providers/linux/system-boot-data.js';
import { timeZoneProvider } from '../packages/agent/src/providers/linux/time-zone.js';
import { collectAll, testContext } from '../packages/agent/src/providers/linux/util/fs-test-context.js';
import { runTool } from '../packages/agent/src/providers/linux/util/hw-test-kit.js';
import { systemdRunning } from '../packages/agent/src/providers/linux/util/proc-systemd.js';
import { killChildrenOnInterrupt, track } from './processes.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** Median wall time of `fn` over `n` runs, in ms. */
async function medianMs(n: number, fn: () => Promise<unknown>): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(n / 2)]!;
}

/** One comparison: our provider against the tool (or tools, run one after the other) its test named. */
interface Pair {
  ours: string;
  collect: () => Promise<unknown>;
  tool: string;
  run: () => Promise<unknown>;
  runs?: number;
}

const collect = (p: Provider, args: readonly Value[] = []) => () => collectAll(p, testContext(args));
const tool = (file: string, ...args: string[]) => () => runTool(file, args);

// Inputs the tests built for themselves: a 50,000-line agent log, a 200,000-line text file, an open TCP
// connection, and at least 500 processes (the Process target is set at that count).
const dir = mkdtempSync(join(tmpdir(), 'openpivot-bench-providers-'));
const children: ChildProcess[] = [];
const cleanup = (): void => { for (const c of children) c.kill(); rmSync(dir, { recursive: true, force: true }); };
killChildrenOnInterrupt(cleanup);

const NOW = Date.now();
writeFileSync(join(dir, 'big.log'), Array.from({ length: 50_000 }, (_, i) => JSON.stringify({ time: NOW - 50_000 + i, level: 'info', component: 'c', msg: `m${i}` })).join('\n') + '\n');
const bigTxt = join(dir, 'big.txt');
writeFileSync(bigTxt, Array.from({ length: 200_000 }, (_, i) => `line ${i + 1} ${'x'.repeat(i % 50)}`).join('\n') + '\n');

const server = createServer((s) => s.on('error', () => undefined));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const client = connect((server.address() as { port: number }).port, '127.0.0.1');
await new Promise<void>((r) => client.once('connect', () => r()));

const procs = Number(execFileSync('sh', ['-c', 'ls /proc | grep -c "^[0-9]"']).toString());
for (let i = procs; i < 520; i++) children.push(track(spawn('sleep', ['300'], { stdio: 'ignore' })));
const sleepers = Array.from({ length: 3 }, () => track(spawn('sleep', ['300'], { stdio: 'ignore' })));
children.push(...sleepers);
await new Promise((r) => setTimeout(r, 200)); // let the children exec

const pFiles = execFileSync('sh', ['-c', 'ls -d /usr/bin/p*'], { encoding: 'utf8' }).split('\n').filter(Boolean);
const dpkgLog = '/var/log/dpkg.log';
const dpkgSpan = existsSync(dpkgLog) ? Date.now() - Date.parse(readFileSync(dpkgLog, 'utf8').slice(0, 10)) + 2 * 86_400_000 : 0;
const systemd = systemdRunning();
const [svcFile, svcArgs] = systemd ? ['systemctl', ['list-units', '--type=service', '--all', '--no-pager']] as const : ['ls', ['-l', '/etc/init.d', '/etc/rc2.d']] as const;
const dpkgQuery = ['-W', '-f', '${Package}\\t${Version}\\t${db:Status-Abbrev}\\n'];

const moduleFiles = [...new Set((await collectAll(processModuleProvider, testContext(['sleep']))).map((r) => r.FileName as string))];

const PAIRS: Pair[] = [
  { ours: 'Certificate (system bundle)', collect: collect(certificateProvider), tool: 'openssl storeutl -noout -certs', run: tool('openssl', 'storeutl', '-noout', '-certs', '/etc/ssl/certs/ca-certificates.crt') },
  { ours: 'Connection', collect: collect(connectionProvider), tool: 'ss -Htnp state established', run: tool('ss', '-Htnp', 'state', 'established') },
  { ours: `EventLog('dpkg')`, collect: collect(eventLogProvider, ['dpkg', dpkgSpan]), tool: 'reading dpkg.log in node', run: async () => readFileSync(dpkgLog, 'utf8').split('\n').length },
  { ours: 'AgentLog (50,000 lines)', collect: () => collectAll(createAgentLogProvider({ logDir: dir }), testContext(['big'], { now: NOW })), tool: "awk '{ n += NF }' (bench:agent's)", run: tool('awk', '{ n += NF } END { print n }', join(dir, 'big.log')) },
  { ours: `File('/usr/bin/p*')`, collect: collect(fileProvider, ['/usr/bin/p*']), tool: 'sha256sum + md5sum', run: async () => { await runTool('sha256sum', pFiles); await runTool('md5sum', pFiles); }, runs: Math.min(RUNS, 3) },
  { ours: 'FileContent (200,000 lines)', collect: collect(fileContentProvider, [bigTxt]), tool: 'cat into node', run: tool('cat', bigTxt) },
  { ours: 'FileContent (200,000 lines)', collect: collect(fileContentProvider, [bigTxt]), tool: 'wc -l', run: tool('wc', '-l', bigTxt) },
  { ours: 'IPConfig', collect: collect(ipConfigProvider), tool: 'ip -j addr + route + route -6', run: async () => { await runTool('ip', ['-j', 'addr', 'show']); await runTool('ip', ['-j', 'route']); await runTool('ip', ['-j', '-6', 'route']); } },
  { ours: 'IPConfig', collect: collect(ipConfigProvider), tool: 'ip -j addr', run: tool('ip', '-j', 'addr', 'show') },
  { ours: 'NetworkAdapter', collect: collect(networkAdapterProvider), tool: 'ip -j link', run: tool('ip', '-j', 'link', 'show') },
  { ours: 'OperatingSystem', collect: collect(operatingSystemProvider), tool: 'uname -a', run: tool('uname', '-a') },
  { ours: 'OS', collect: collect(osProvider), tool: 'sh . /etc/os-release', run: tool('/bin/sh', '-c', '. /etc/os-release 2>/dev/null || . /usr/lib/os-release; printf "%s\\n" "$PRETTY_NAME"') },
  { ours: 'Memory', collect: collect(memoryProvider), tool: 'free -b', run: tool('free', '-b') },
  { ours: 'PhysicalMemory', collect: collect(physicalMemoryProvider), tool: 'free -b', run: tool('free', '-b') },
  { ours: 'SystemBootData', collect: collect(systemBootDataProvider), tool: 'last -x reboot', run: tool('last', '-x', 'reboot') },
  { ours: 'SystemBootData', collect: collect(systemBootDataProvider), tool: 'who -b', run: tool('who', '-b') },
  { ours: 'LogicalDisk', collect: collect(logicalDiskProvider), tool: 'df -B1 --output=…', run: tool('df', '-B1', '--output=source,target,fstype,size,avail') },
  { ours: 'Disk', collect: collect(diskProvider), tool: 'df -B1 --output=…', run: tool('df', '-B1', '--output=source,target,fstype,size,avail') },
  { ours: 'TimeZone', collect: collect(timeZoneProvider), tool: 'date +%Z %z', run: tool('date', '+%Z %z') },
  { ours: 'Device', collect: collect(deviceProvider), tool: 'who', run: tool('who') },
  { ours: 'ComputerSystem', collect: collect(computerSystemProvider), tool: 'lscpu', run: tool('lscpu') },
  { ours: 'Bios', collect: collect(biosProvider), tool: 'cat of one DMI file', run: () => runTool('cat', ['/sys/class/dmi/id/bios_vendor']).catch(() => '') },
  { ours: 'Processor', collect: collect(processorProvider), tool: 'lscpu', run: tool('lscpu') },
  { ours: 'Processor', collect: collect(processorProvider), tool: 'nproc', run: tool('nproc') },
  { ours: 'Partition', collect: collect(partitionProvider), tool: 'lsblk -b -J', run: tool('lsblk', '-b', '-J') },
  { ours: 'InstalledSoftware', collect: collect(installedSoftwareProvider), tool: 'dpkg-query -W', run: () => runTool('dpkg-query', dpkgQuery) },
  { ours: 'Process (500+ processes)', collect: collect(processProvider), tool: 'ps -eo pid,ppid,comm,args', run: tool('ps', '-eo', 'pid,ppid,comm,args') },
  { ours: 'Administrators', collect: collect(administratorsProvider), tool: 'getent group … + getent passwd', run: async () => { await runTool('getent', ['group', ...ADMIN_GROUPS]).catch(() => ''); await runTool('getent', ['passwd']); } },
  { ours: 'AutoStartSoftware', collect: collect(autoStartSoftwareProvider), tool: 'systemctl list-unit-files --state=enabled', run: tool('systemctl', 'list-unit-files', '--state=enabled', '--no-pager') },
  { ours: `ProcessModule('sleep')`, collect: collect(processModuleProvider, ['sleep']), tool: 'pmap per process + md5sum', run: async () => {
    for (const s of sleepers) await runTool('pmap', [String(s.pid)]);
    await runTool('md5sum', moduleFiles);
  } },
  { ours: 'Service', collect: collect(serviceProvider), tool: `${svcFile} ${svcArgs.join(' ')}`, run: tool(svcFile, ...svcArgs) },
];

const ms = (x: number | string): string => (typeof x === 'string' ? x : x < 10 ? x.toFixed(2) : x.toFixed(1));
const table = [`| provider | ms (median of ${RUNS}) | tool | tool ms | ours ÷ tool |`, '|---|---:|---|---:|---:|'];
const started = performance.now();
try {
  for (const p of PAIRS) {
    const runs = p.runs ?? RUNS;
    let ours: number | string;
    let theirs: number | string;
    try { ours = await medianMs(runs, p.collect); } catch (e) { ours = `failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`; }
    try { theirs = await medianMs(runs, p.run); } catch (e) { theirs = `failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`; }
    const ratio = typeof ours === 'number' && typeof theirs === 'number' && theirs > 0 ? (ours / theirs).toFixed(2) : '—';
    const row = `| ${p.ours} | ${ms(ours)} | \`${p.tool}\` | ${ms(theirs)} | ${ratio} |`;
    table.push(row);
    console.log(row);
  }
} finally {
  client.destroy();
  server.close();
  cleanup();
}
console.log(`\n${PAIRS.length} comparisons in ${((performance.now() - started) / 1000).toFixed(1)} s (File: medians of ${Math.min(RUNS, 3)}).\n\nMarkdown:\n\n${table.join('\n')}`);
