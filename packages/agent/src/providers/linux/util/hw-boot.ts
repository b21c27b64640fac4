import { ProviderError } from '../../provider.js';
import { readText } from './hw-read.js';

/**
 * The boot time in ms since the epoch. /proc/stat's btime is whole seconds, fixed for the boot;
 * now − uptime drifts with clock steps, so btime is preferred and uptime is the fallback.
 */
export async function readBootTime(entity: string, signal: AbortSignal): Promise<number> {
  const stat = await readText('/proc/stat', signal);
  const m = stat === null ? null : /^btime\s+(\d+)/m.exec(stat);
  if (m) return Number(m[1]) * 1000;
  const up = await readUptimeMs(signal);
  if (up === null) throw new ProviderError(`${entity}: neither /proc/stat nor /proc/uptime is readable`);
  return Math.round(Date.now() - up);
}

/** Seconds since boot from /proc/uptime, in ms (null when unreadable). */
export async function readUptimeMs(signal: AbortSignal): Promise<number | null> {
  const text = await readText('/proc/uptime', signal);
  const n = text === null ? NaN : Number(text.split(/\s+/)[0]);
  return Number.isFinite(n) ? Math.round(n * 1000) : null;
}
