import { describe, it, expect } from 'vitest';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { execFileSync } from 'node:child_process';
import { connectionProvider } from './connection.js';
import { parseProcNetTcp } from './util/net-proc-tcp.js';
import { formatIPv6, procHexToIPv6 } from './util/net-address.js';
import { collectAll, testContext } from './util/fs-test-context.js';

function ssPeers(): Set<string> {
  const out = execFileSync('ss', ['-Htn', 'state', 'established'], { encoding: 'utf8' });
  const peers = new Set<string>();
  for (const line of out.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4) continue;
    peers.add(f[3]!.replace(/^\[(.*)\]:(\d+)$/, '$1:$2'));
  }
  return peers;
}

async function withConnection<T>(host: string, fn: (client: Socket) => Promise<T>): Promise<T> {
  const server: Server = createServer((s) => s.on('error', () => undefined));
  await new Promise<void>((r) => server.listen(0, host, r));
  const port = (server.address() as { port: number }).port;
  const client = connect(port, host);
  await new Promise<void>((r) => client.once('connect', () => r()));
  try { return await fn(client); } finally { client.destroy(); server.close(); }
}

describe('Connection (linux)', () => {
  it('formats addresses as ss does', () => {
    expect(procHexToIPv6('00000000000000000000000001000000')).toBe('::1');
    expect(procHexToIPv6('0000000000000000FFFF00000100007F')).toBe('::ffff:127.0.0.1');
    expect(formatIPv6([0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1])).toBe('2001:db8::1:0:0:1');
    const rows = parseProcNetTcp('hdr\n   0: 0100007F:1F90 0200007F:C350 01 00000000:00000000 00:00000000 00000000  1000 0 4242 1 x\n', false);
    expect(rows).toEqual([{ localAddress: '127.0.0.1', localPort: 8080, remoteAddress: '127.0.0.2', remotePort: 50000, state: 1, uid: 1000, inode: 4242, v6: false }]);
  });

  it('lists our own IPv4 and IPv6 connections with this process as owner, as ss does', async () => {
    await withConnection('127.0.0.1', (c4) => withConnection('::1', async (c6) => {
      const rows = await collectAll(connectionProvider, testContext());
      const peers = ssPeers();
      for (const c of [c4, c6]) {
        const mine = rows.find((r) => r.LocalPort === c.localPort && r.RemotePort === c.remotePort);
        expect(mine, `client socket ${c.localPort}`).toBeDefined();
        expect(mine!.ProcessId).toBe(process.pid);
        expect(mine!.Server).toBe(c.remoteAddress);
        expect(mine!.Protocol).toBe(c === c4 ? 'TCP' : 'TCPv6');
      }
      const ours = new Set(rows.map((r) => `${String(r.RemoteAddress)}:${String(r.RemotePort)}`));
      // Races: a connection may open or close between the two reads; ours must be in both.
      const missing = [...peers].filter((p) => !ours.has(p));
      expect(missing.length).toBeLessThanOrEqual(2);
      expect(rows.every((r) => r.State === 'Established')).toBe(true);
    }));
  });

  it('narrows the owner search to the named process', async () => {
    await withConnection('127.0.0.1', async (c) => {
      const ctx = testContext([], { constraints: [{ column: 'ProcessId', op: '==', value: process.pid }] });
      const rows = await collectAll(connectionProvider, ctx);
      expect(rows.find((r) => r.LocalPort === c.localPort)?.ProcessId).toBe(process.pid);
    });
  });
});
