import { readdirSync, readlinkSync, statSync } from 'node:fs';
import { readUtf8OrNull } from './proc-stat.js';

/** SysV init: the scripts of /etc/init.d, their LSB headers, and the rc?.d links that start them at boot. */

export const INIT_DIR = '/etc/init.d';
/** Files in /etc/init.d that are not services: the rc machinery, templates and dpkg leftovers. */
const NOT_SERVICES = new Set(['README', 'skeleton', 'rc', 'rcS', 'functions', 'halt', 'killall', 'single', 'reboot']);

export interface InitScript {
  readonly name: string;
  readonly path: string;
  readonly shortDescription: string;
  readonly description: string;
  readonly defaultStart: readonly string[];
  /** Top-level assignments (PIDFILE=…, DAEMON=…) with $VAR references expanded where they can be. */
  readonly vars: ReadonlyMap<string, string>;
}

export function isServiceScriptName(name: string): boolean {
  return !NOT_SERVICES.has(name) && !name.startsWith('.') && !/\.(dpkg-[a-z]+|ucf-[a-z]+|orig|bak|rpm[a-z]+)$|~$/.test(name);
}

/** The LSB "### BEGIN INIT INFO" block: `# Key: value` lines, with indented continuation lines. */
export function parseLsbHeader(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const begin = text.indexOf('### BEGIN INIT INFO');
  const end = text.indexOf('### END INIT INFO', begin);
  if (begin < 0 || end < 0) return out;
  let last = '';
  for (const line of text.slice(begin, end).split('\n').slice(1)) {
    const m = /^#\s*([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (m) {
      last = m[1]!;
      out.set(last, m[2]!.trim());
    } else if (last !== '' && /^#(\t| {2,})/.test(line)) {
      out.set(last, `${out.get(last)} ${line.slice(1).trim()}`.trim());
    }
  }
  return out;
}

/** Simple top-level shell assignments; values built from commands (`…`, $(…)) are left out because only running them would tell. */
export function parseShellVars(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s;#]*)\s*(?:#.*)?$/.exec(line);
    if (!m) continue;
    let v = m[2]!;
    if (v.startsWith("'")) {
      vars.set(m[1]!, v.slice(1, -1));
      continue;
    }
    if (v.startsWith('"')) v = v.slice(1, -1);
    if (v.includes('`') || v.includes('$(')) continue;
    vars.set(m[1]!, v.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, a: string | undefined, b: string | undefined) => vars.get((a ?? b)!) ?? ''));
  }
  return vars;
}

export function listInitScripts(dir = INIT_DIR): InitScript[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter(isServiceScriptName).sort();
  } catch {
    return [];
  }
  const out: InitScript[] = [];
  for (const name of names) {
    const path = `${dir}/${name}`;
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st?.isFile()) continue;
    const text = readUtf8OrNull(path) ?? '';
    const lsb = parseLsbHeader(text);
    out.push({
      name,
      path,
      shortDescription: lsb.get('Short-Description') ?? '',
      description: lsb.get('Description') ?? lsb.get('Short-Description') ?? '',
      defaultStart: (lsb.get('Default-Start') ?? '').split(/\s+/).filter(Boolean),
      vars: parseShellVars(text),
    });
  }
  return out;
}

export interface RcLink {
  readonly runlevel: string;
  readonly kind: 'S' | 'K';
  readonly link: string;
  readonly script: string;
}

/** The S (start) and K (kill) links of /etc/rc0.d … /etc/rc6.d and /etc/rcS.d, by the script they point to. */
export function readRcLinks(): Map<string, RcLink[]> {
  const out = new Map<string, RcLink[]>();
  for (const runlevel of ['S', '0', '1', '2', '3', '4', '5', '6']) {
    const dir = `/etc/rc${runlevel}.d`;
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const m = /^([SK])\d\d(.+)$/.exec(name);
      if (!m) continue;
      let script = m[2]!;
      try {
        script = readlinkSync(`${dir}/${name}`).split('/').pop()!;
      } catch {
        // a plain file, not a link: its name is all we have
      }
      const list = out.get(script) ?? [];
      list.push({ runlevel, kind: m[1] as 'S' | 'K', link: `${dir}/${name}`, script });
      out.set(script, list);
    }
  }
  return out;
}

/** The runlevel the system boots into: inittab's initdefault, else Debian's 2. */
export function defaultRunlevel(): string {
  const m = /^[^#:]*:(\d):initdefault:/m.exec(readUtf8OrNull('/etc/inittab') ?? '');
  return m ? m[1]! : '2';
}
