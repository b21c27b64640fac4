import { hexToIPv4, procHexToIPv6 } from './net-address.js';

export interface TcpSocket {
  readonly localAddress: string;
  readonly localPort: number;
  readonly remoteAddress: string;
  readonly remotePort: number;
  /** The kernel's state number: 1 established, 10 listen… */
  readonly state: number;
  readonly uid: number;
  readonly inode: number;
  readonly v6: boolean;
}

/**
 * Parses /proc/net/tcp or tcp6. `onlyState` skips other states before decoding their addresses,
 * which is most of the work on a busy server.
 */
export function parseProcNetTcp(text: string, v6: boolean, onlyState?: number): TcpSocket[] {
  const out: TcpSocket[] = [];
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i]!.trim().split(/\s+/);
    if (f.length < 10) continue;
    const state = parseInt(f[3]!, 16);
    if (onlyState !== undefined && state !== onlyState) continue;
    const [la, lp] = f[1]!.split(':') as [string, string];
    const [ra, rp] = f[2]!.split(':') as [string, string];
    const addr = v6 ? procHexToIPv6 : hexToIPv4;
    out.push({
      localAddress: addr(la), localPort: parseInt(lp, 16),
      remoteAddress: addr(ra), remotePort: parseInt(rp, 16),
      state, uid: Number(f[7]), inode: Number(f[9]), v6,
    });
  }
  return out;
}
