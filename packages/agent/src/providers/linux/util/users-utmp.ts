import { readFileSync, readdirSync } from 'node:fs';

/**
 * Logged-on sessions. utmp records are the glibc layout of 64-bit Linux (x86-64, aarch64 and the
 * others keep the 32-bit time fields for compatibility), 384 bytes each.
 */
const RECORD = 384;
const USER_PROCESS = 7;

export interface Session {
  readonly user: string;
  readonly terminal: string;
  readonly host: string;
  /** ms since the epoch */
  readonly loginTime: number;
  readonly pid: number;
  readonly source: 'utmp' | 'logind';
}

function cString(buf: Buffer, start: number, length: number): string {
  const end = buf.indexOf(0, start);
  return buf.toString('utf8', start, end < 0 || end > start + length ? start + length : end);
}

/** The user sessions (USER_PROCESS records) of a utmp file, as `who` lists them. */
export function parseUtmp(buf: Buffer): Session[] {
  const out: Session[] = [];
  for (let at = 0; at + RECORD <= buf.length; at += RECORD) {
    if (buf.readInt16LE(at) !== USER_PROCESS) continue;
    const user = cString(buf, at + 44, 32);
    if (user === '') continue;
    out.push({
      user,
      terminal: cString(buf, at + 8, 32),
      host: cString(buf, at + 76, 256),
      loginTime: buf.readInt32LE(at + 340) * 1000 + Math.floor(buf.readInt32LE(at + 344) / 1000),
      pid: buf.readInt32LE(at + 4),
      source: 'utmp',
    });
  }
  return out;
}

export function readUtmp(path: string): Session[] | null {
  try {
    return parseUtmp(readFileSync(path));
  } catch {
    return null;
  }
}

/** Sessions systemd-logind keeps in /run/systemd/sessions: the only record where utmp is no longer written. */
export function readLogindSessions(dir = '/run/systemd/sessions'): Session[] | null {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => !n.includes('.'));
  } catch {
    return null;
  }
  const out: Session[] = [];
  for (const name of names) {
    let text: string;
    try {
      text = readFileSync(`${dir}/${name}`, 'utf8');
    } catch {
      continue; // the session ended while we listed
    }
    const kv = new Map(text.split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as const));
    if (!kv.get('USER') || kv.get('CLASS') === 'greeter') continue;
    out.push({
      user: kv.get('USER')!,
      terminal: kv.get('TTY') || kv.get('DISPLAY') || kv.get('SEAT') || '',
      host: kv.get('REMOTE_HOST') ?? '',
      loginTime: Math.floor(Number(kv.get('REALTIME') ?? 0) / 1000),
      pid: Number(kv.get('LEADER') ?? 0),
      source: 'logind',
    });
  }
  return out;
}
