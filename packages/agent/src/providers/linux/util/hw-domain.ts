import { hostname } from 'node:os';
import { readText } from './hw-read.js';

/**
 * The DNS domain the device belongs to — Linux's nearest thing to Windows' Domain: the part after
 * the first dot of a fully qualified hostname, else resolv.conf's `domain`, else its first `search`
 * domain, else "".
 */
export async function readDnsDomain(signal: AbortSignal): Promise<string> {
  const host = hostname();
  const dot = host.indexOf('.');
  if (dot > 0 && dot < host.length - 1) return host.slice(dot + 1);
  const text = (await readText('/etc/resolv.conf', signal)) ?? '';
  return parseResolvDomain(text);
}

export function parseResolvDomain(text: string): string {
  let search = '';
  for (const line of text.split('\n')) {
    const [key, first] = line.trim().split(/\s+/);
    if (key === 'domain' && first) return first.replace(/\.$/, '');
    if (key === 'search' && first && first !== '.' && search === '') search = first.replace(/\.$/, '');
  }
  return search;
}

/** The host name without its domain, as Windows writes a computer name. */
export function shortHostname(): string {
  const host = hostname();
  const dot = host.indexOf('.');
  return dot > 0 ? host.slice(0, dot) : host;
}
