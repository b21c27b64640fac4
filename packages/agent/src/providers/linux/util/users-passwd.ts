import { readFileSync } from 'node:fs';

/** Local accounts from /etc/passwd and /etc/group (the files NSS "files" reads; directory services are not asked). */

export interface PasswdEntry {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  readonly gecos: string;
  readonly home: string;
  readonly shell: string;
}

export interface GroupEntry {
  readonly name: string;
  readonly gid: number;
  readonly members: readonly string[];
}

function lines(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('+') && !l.startsWith('-'));
}

export function readPasswd(path = '/etc/passwd'): PasswdEntry[] {
  const out: PasswdEntry[] = [];
  for (const line of lines(path)) {
    const f = line.split(':');
    if (f.length < 7) continue;
    out.push({ name: f[0]!, uid: Number(f[2]), gid: Number(f[3]), gecos: f[4]!, home: f[5]!, shell: f[6]! });
  }
  return out;
}

export function readGroups(path = '/etc/group'): GroupEntry[] {
  const out: GroupEntry[] = [];
  for (const line of lines(path)) {
    const f = line.split(':');
    if (f.length < 4) continue;
    out.push({ name: f[0]!, gid: Number(f[2]), members: f[3]! === '' ? [] : f[3]!.split(',').map((m) => m.trim()).filter(Boolean) });
  }
  return out;
}

/** uid → user name; the first entry wins, as getpwuid does. */
export function userNamesByUid(entries: readonly PasswdEntry[] = readPasswd()): Map<number, string> {
  const map = new Map<number, string>();
  for (const e of entries) if (!map.has(e.uid)) map.set(e.uid, e.name);
  return map;
}
