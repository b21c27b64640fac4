import { ProviderError } from '../../provider.js';
import { readText } from './hw-read.js';

/** /proc/meminfo as a map of field → kB (the kernel's "kB" is KiB). */
export async function readMeminfo(entity: string, signal: AbortSignal): Promise<Map<string, number>> {
  const text = await readText('/proc/meminfo', signal);
  if (text === null) throw new ProviderError(`${entity}: /proc/meminfo is not readable`);
  return parseMeminfo(text);
}

export function parseMeminfo(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^([^:]+):\s+(\d+)/.exec(line);
    if (m) out.set(m[1]!, Number(m[2]));
  }
  return out;
}
