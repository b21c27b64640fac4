import { closeSync, openSync, readFileSync, readSync, readdirSync, readlinkSync } from 'node:fs';

/**
 * Readers for /proc. They are synchronous on purpose: a /proc file is generated in memory, so a sync
 * read costs a few microseconds while an async one pays a thread-pool round trip; callers read in
 * batches and yield between them so a cancel is still seen quickly.
 */

/** USER_HZ: the unit of /proc/<pid>/stat times. Fixed at 100 by the kernel ABI on every architecture Linux exports to user space. */
export const CLOCK_TICKS_PER_SECOND = 100;

const scratch = Buffer.allocUnsafe(16384);

/**
 * A /proc file's text, or null when it is gone or unreadable (a process that ended, a
 * permission refused). open+read+close into one reused buffer: readFileSync's fstat and per-call
 * allocation made it three times slower over 500 processes.
 */
export function readTextOrNull(path: string, encoding: 'latin1' | 'utf8' = 'latin1'): string | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    let n = readSync(fd, scratch, 0, scratch.length, null);
    if (n < scratch.length) return scratch.toString(encoding, 0, n);
    const parts = [Buffer.from(scratch.subarray(0, n))];
    while ((n = readSync(fd, scratch, 0, scratch.length, null)) > 0) parts.push(Buffer.from(scratch.subarray(0, n)));
    return Buffer.concat(parts).toString(encoding);
  } catch {
    return null; // ESRCH: the process ended after the open
  } finally {
    closeSync(fd);
  }
}

export function readUtf8OrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

export function readlinkOrEmpty(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}

/** The numeric entries of /proc, ascending. */
export function listPids(): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    const c = name.charCodeAt(0);
    if (c >= 48 && c <= 57) pids.push(Number(name));
  }
  return pids.sort((a, b) => a - b);
}

let bootMs: number | undefined;
/** When the system booted, in ms since the epoch (`btime` of /proc/stat; it does not change while up). */
export function bootTimeMs(): number {
  if (bootMs === undefined) {
    const m = /^btime (\d+)$/m.exec(readTextOrNull('/proc/stat') ?? '');
    bootMs = m ? Number(m[1]) * 1000 : 0;
  }
  return bootMs;
}

export interface ProcStat {
  readonly pid: number;
  readonly comm: string;
  readonly state: string;
  readonly ppid: number;
  readonly session: number;
  readonly utimeTicks: number;
  readonly stimeTicks: number;
  readonly priority: number;
  readonly nice: number;
  readonly threads: number;
  readonly startTicks: number;
  readonly vsizeBytes: number;
}

/** Parses /proc/<pid>/stat; comm may hold spaces and parentheses, so fields are counted from the last ')'. */
export function parseStat(text: string): ProcStat | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const f = text.slice(close + 2).split(' ');
  // f[0] is field 3 (state) of proc(5).
  return {
    pid: Number(text.slice(0, open)),
    comm: text.slice(open + 1, close),
    state: f[0] ?? '',
    ppid: Number(f[1]),
    session: Number(f[3]),
    utimeTicks: Number(f[11]),
    stimeTicks: Number(f[12]),
    priority: Number(f[15]),
    nice: Number(f[16]),
    threads: Number(f[17]),
    startTicks: Number(f[19]),
    vsizeBytes: Number(f[20]),
  };
}

/** The value of one `Key:\tvalue` line of /proc/<pid>/status, or "". */
export function statusField(status: string, key: string): string {
  const at = status.indexOf(`\n${key}:`);
  if (at < 0) return '';
  const start = at + key.length + 2;
  const end = status.indexOf('\n', start);
  return status.slice(start, end < 0 ? undefined : end).trim();
}

const STATE_NAMES: Readonly<Record<string, string>> = {
  R: 'Running', S: 'Sleeping', D: 'DiskSleep', Z: 'Zombie', T: 'Stopped', t: 'TracingStop',
  X: 'Dead', x: 'Dead', I: 'Idle', P: 'Parked', W: 'Waking', K: 'WakeKill',
};

export function stateName(letter: string): string {
  return STATE_NAMES[letter] ?? letter;
}

/** The name Windows would show: comm, unless the kernel cut it at 15 bytes and the executable's name is longer. */
export function processName(comm: string, exePath: string, argv0: string): string {
  if (comm.length < 15) return comm;
  for (const candidate of [exePath, argv0]) {
    const base = candidate.slice(candidate.lastIndexOf('/') + 1).replace(/ \(deleted\)$/, '');
    if (base.length > comm.length && base.startsWith(comm)) return base;
  }
  return comm;
}

/** Lets a timer or an abort in: sync batches call this between batches. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
