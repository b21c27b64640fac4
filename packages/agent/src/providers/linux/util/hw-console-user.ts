import { join } from 'node:path';
import { listDir, readText } from './hw-read.js';
import { parseOsRelease } from './hw-os-release.js';
import { isConsoleLine, readUtmp, USER_PROCESS } from './hw-utmp.js';

/**
 * The user at the device's console, as Windows reports the console session's user (remote sessions,
 * SSH here, are not the console). systemd-logind's session files say it best (a local, active session
 * on a seat); without logind, utmp's login records on a virtual console or local X display; else "".
 */
export async function readConsoleUser(signal: AbortSignal): Promise<string> {
  const fromLogind = await consoleUserFromLogind(signal);
  if (fromLogind !== null) return fromLogind;
  for (const path of ['/run/utmp', '/var/run/utmp']) {
    const records = await readUtmp(path, signal);
    const hit = records.find((r) => r.type === USER_PROCESS && r.user !== '' && isConsoleLine(r.line));
    if (hit) return hit.user;
    if (records.length > 0) return '';
  }
  return '';
}

/** null when logind keeps no sessions here (no systemd), so the caller falls back to utmp. */
export async function consoleUserFromLogind(signal: AbortSignal, dir = '/run/systemd/sessions'): Promise<string | null> {
  const names = (await listDir(dir)).filter((n) => !n.endsWith('.ref'));
  if (names.length === 0) return null;
  let fallback = '';
  for (const n of names.sort()) {
    const text = await readText(join(dir, n), signal);
    if (text === null) continue;
    const s = parseOsRelease(text);
    if (s.get('CLASS') !== 'user' || s.get('REMOTE') === '1' || !s.get('USER')) continue;
    if (s.get('SEAT') && s.get('ACTIVE') === '1') return s.get('USER')!;
    if (s.get('SEAT') && fallback === '') fallback = s.get('USER')!;
  }
  return fallback;
}
