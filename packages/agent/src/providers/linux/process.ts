import { readdirSync } from 'node:fs';
import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { wantedValues } from './util/proc-constraints.js';
import {
  CLOCK_TICKS_PER_SECOND, bootTimeMs, listPids, parseStat, processName, readTextOrNull, readlinkOrEmpty, stateName,
  statusField, yieldToLoop, type ProcStat,
} from './util/proc-stat.js';
import { userNamesByUid } from './util/users-passwd.js';

/** Processes read per batch before the event loop gets a turn (and a cancel is noticed). */
const BATCH = 64;

function ticksToMs(ticks: number): number {
  return Math.round((ticks * 1000) / CLOCK_TICKS_PER_SECOND);
}

/** A cheap first test on comm alone, so only likely matches pay for the other reads. */
function mayMatchName(comm: string, names: ReadonlySet<string> | null): boolean {
  if (names === null) return true;
  const c = comm.toLowerCase();
  if (names.has(c)) return true;
  // comm is cut at 15 bytes: the full name may still match.
  if (comm.length >= 15) for (const n of names) if (n.startsWith(c)) return true;
  return false;
}

function readProcess(st: ProcStat, users: ReadonlyMap<number, string>): ProviderRow | null {
  const dir = `/proc/${st.pid}`;
  const status = readTextOrNull(`${dir}/status`);
  if (status === null) return null; // ended between the two reads
  const cmdline = readTextOrNull(`${dir}/cmdline`, 'utf8') ?? '';
  const argv = cmdline.split('\0');
  if (argv.at(-1) === '') argv.pop();
  const exe = readlinkOrEmpty(`${dir}/exe`);
  let handles: number | null = null;
  try {
    handles = readdirSync(`${dir}/fd`).length;
  } catch {
    handles = null; // another user's process without CAP_SYS_PTRACE, or it ended
  }
  const uid = Number(statusField(status, 'Uid').split(/\s+/)[0]);
  const rssKb = Number.parseInt(statusField(status, 'VmRSS'), 10);
  return {
    ProcessId: st.pid,
    Name: processName(st.comm, exe, argv[0] ?? ''),
    ExecutablePath: exe.replace(/ \(deleted\)$/, ''),
    CommandLine: argv.join(' '),
    ParentProcessId: st.ppid,
    CreationDate: bootTimeMs() + ticksToMs(st.startTicks),
    WorkingSetSize: Number.isFinite(rssKb) ? rssKb * 1024 : 0,
    VirtualSize: st.vsizeBytes,
    ThreadCount: st.threads,
    HandleCount: handles,
    Priority: st.priority,
    UserModeTime: ticksToMs(st.utimeTicks),
    KernelModeTime: ticksToMs(st.stimeTicks),
    SessionId: st.session,
    UserName: Number.isFinite(uid) ? (users.get(uid) ?? String(uid)) : '',
    Uid: Number.isFinite(uid) ? uid : null,
    State: stateName(st.state),
    Nice: st.nice,
    IsKernelThread: cmdline === '' && exe === '' && (st.ppid === 2 || st.pid === 2),
  };
}

export const processProvider: Provider = {
  entity: 'Process',
  platform: 'linux',
  async *collect(ctx: ProviderContext): AsyncIterable<ProviderRow> {
    const ids = wantedValues(ctx.constraints, 'ProcessId');
    const names = wantedValues(ctx.constraints, 'Name');
    const pids = ids !== null ? [...ids].map(Number).filter((n) => Number.isInteger(n) && n > 0) : listPids();
    const users = userNamesByUid();
    for (let i = 0; i < pids.length; i += BATCH) {
      if (ctx.signal.aborted) return;
      const rows: ProviderRow[] = [];
      for (const pid of pids.slice(i, i + BATCH)) {
        const text = readTextOrNull(`/proc/${pid}/stat`, 'utf8');
        const st = text === null ? null : parseStat(text);
        if (st === null || !mayMatchName(st.comm, names)) continue;
        const row = readProcess(st, users);
        if (row !== null && (names === null || names.has(String(row.Name).toLowerCase()))) rows.push(row);
      }
      yield* rows;
      await yieldToLoop();
    }
  },
};
