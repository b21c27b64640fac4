import { readFileSync } from 'node:fs';
import { readProcTable } from './util/net-proc-read.js';
import type { Constraint, Provider, ProviderContext, ProviderRow } from '../provider.js';
import { parseProcNetTcp, type TcpSocket } from './util/net-proc-tcp.js';
import { findSocketOwners } from './util/net-socket-owners.js';

const ESTABLISHED = 1;

function readTable(path: string, v6: boolean): TcpSocket[] {
  try {
    return parseProcNetTcp(readProcTable(path), v6, ESTABLISHED);
  } catch {
    return []; // tcp6 is absent when IPv6 is disabled
  }
}

/** Process ids the query already names (`ProcessId == 42`, `in (…)`): only those need their fds read. */
function pidsFromConstraints(constraints: readonly Constraint[]): number[] | undefined {
  for (const c of constraints) {
    if (c.column !== 'ProcessId') continue;
    if (c.op === '==' && typeof c.value === 'number') return [c.value];
    if (c.op === 'in' && Array.isArray(c.value) && c.value.every((v) => typeof v === 'number')) return c.value as number[];
  }
  return undefined;
}

function comm(pid: number): string {
  try { return readFileSync(`/proc/${pid}/comm`, 'utf8').trimEnd(); } catch { return ''; }
}

export const connectionProvider: Provider = {
  entity: 'Connection',
  platform: 'linux',
  async *collect(ctx: ProviderContext): AsyncIterable<ProviderRow> {
    const sockets = [...readTable('/proc/net/tcp', false), ...readTable('/proc/net/tcp6', true)];
    if (ctx.signal.aborted || sockets.length === 0) return;
    const inodes = new Set(sockets.map((s) => s.inode).filter((i) => i > 0));
    const owners = await findSocketOwners(inodes, ctx.signal, pidsFromConstraints(ctx.constraints));
    const names = new Map<number, string>();
    for (const pid of new Set(owners.values())) names.set(pid, comm(pid));
    for (const s of sockets) {
      if (ctx.signal.aborted) return;
      const pid = owners.get(s.inode);
      yield {
        Server: s.remoteAddress,
        LocalAddress: s.localAddress,
        LocalPort: s.localPort,
        RemoteAddress: s.remoteAddress,
        RemotePort: s.remotePort,
        State: 'Established',
        ProcessId: pid ?? null,
        ProcessName: pid === undefined ? '' : names.get(pid) ?? '',
        Protocol: s.v6 ? 'TCPv6' : 'TCP',
      };
    }
  },
};
