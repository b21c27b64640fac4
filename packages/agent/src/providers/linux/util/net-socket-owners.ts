import { readdirSync, readlinkSync } from 'node:fs';
import { setImmediate as tick } from 'node:timers/promises';

/** Processes read between two yields to the event loop, so cancellation is seen promptly. */
const BATCH = 64;

/**
 * Finds a process holding each socket inode by reading /proc/<pid>/fd links. Processes we may not
 * inspect are skipped. Stops as soon as every inode has an owner; `pids` narrows the search when the
 * query already names the process. Sync calls on purpose: thousands of tiny /proc syscalls through
 * the thread pool cost about 5× more than doing them inline.
 */
export async function findSocketOwners(inodes: ReadonlySet<number>, signal: AbortSignal, pids?: readonly number[]): Promise<Map<number, number>> {
  const owners = new Map<number, number>();
  if (inodes.size === 0) return owners;
  const candidates = pids ?? readdirSync('/proc').filter((n) => n.charCodeAt(0) >= 48 && n.charCodeAt(0) <= 57).map(Number);
  let n = 0;
  for (const pid of candidates) {
    if (++n % BATCH === 0) await tick();
    if (signal.aborted || owners.size === inodes.size) break;
    let fds: string[];
    try { fds = readdirSync(`/proc/${pid}/fd`); } catch { continue; }
    for (const fd of fds) {
      let link: string;
      try { link = readlinkSync(`/proc/${pid}/fd/${fd}`); } catch { continue; }
      if (!link.startsWith('socket:[')) continue;
      const inode = Number(link.slice(8, -1));
      if (inodes.has(inode) && !owners.has(inode)) owners.set(inode, pid);
    }
  }
  return owners;
}
