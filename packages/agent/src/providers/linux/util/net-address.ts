import { endianness } from 'node:os';

/** The kernel prints addresses as 32-bit words in host byte order; on little-endian hosts each word is reversed. */
const LITTLE = endianness() === 'LE';

function wordBytes(hex8: string): number[] {
  const b = [0, 2, 4, 6].map((i) => parseInt(hex8.slice(i, i + 2), 16));
  return LITTLE ? b.reverse() : b;
}

/** `0100007F` → `127.0.0.1`. */
export function hexToIPv4(hex: string): string {
  return wordBytes(hex).join('.');
}

/** 32 hex digits as /proc/net/tcp6 prints them (four host-order words) → canonical IPv6 text. */
export function procHexToIPv6(hex: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < 32; i += 8) bytes.push(...wordBytes(hex.slice(i, i + 8)));
  return formatIPv6(bytes);
}

/** 32 hex digits in network order, as /proc/net/ipv6_route and if_inet6 print them → canonical IPv6 text. */
export function netHexToIPv6(hex: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < 32; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16));
  return formatIPv6(bytes);
}

/** RFC 5952 text: lower case, the longest run of two or more zero groups as `::`, IPv4-mapped as ::ffff:a.b.c.d. */
export function formatIPv6(bytes: readonly number[]): string {
  const g: number[] = [];
  for (let i = 0; i < 16; i += 2) g.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return `::ffff:${bytes.slice(12, 16).join('.')}`;
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}
