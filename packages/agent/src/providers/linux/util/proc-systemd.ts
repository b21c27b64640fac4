import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { readUtf8OrNull } from './proc-stat.js';

/**
 * systemd unit files read straight from disk, so Service and AutoStartSoftware need no bus (and
 * work where systemd is installed but not running). Directory order is systemd's precedence.
 */

/** True when systemd is the running service manager (sd_booted's test). */
export function systemdRunning(): boolean {
  return existsSync('/run/systemd/system');
}

const UNIT_DIRS = [
  '/etc/systemd/system', '/run/systemd/system', '/run/systemd/generator', '/usr/local/lib/systemd/system',
  '/usr/lib/systemd/system', '/lib/systemd/system', '/run/systemd/generator.late',
];
/** Where `systemctl enable` puts its links (and `--runtime` ones). */
const ENABLE_DIRS = ['/etc/systemd/system', '/run/systemd/system'];

export type Sections = Map<string, Map<string, string[]>>;

export interface UnitFile {
  readonly name: string;
  /** Where the unit was found (a link's own path for aliases and masks). */
  readonly path: string;
  /** The file that holds the text. */
  readonly realPath: string;
  readonly masked: boolean;
  /** A link to a unit of another name: the other name's alias, not a unit of its own. */
  readonly aliasOf: string;
  readonly sections: Sections;
}

/** Unit file syntax: [Section], Key=Value (repeatable), '\' continuation, # and ; comments. */
export function parseUnit(text: string): Sections {
  const sections: Sections = new Map();
  let current = new Map<string, string[]>();
  for (const line of text.replace(/\\\n/g, ' ').split('\n')) {
    const t = line.trim();
    if (t === '' || t.startsWith('#') || t.startsWith(';')) continue;
    if (t.startsWith('[') && t.endsWith(']')) {
      current = sections.get(t.slice(1, -1)) ?? new Map();
      sections.set(t.slice(1, -1), current);
      continue;
    }
    const eq = t.indexOf('=');
    if (eq < 0) continue;
    const key = t.slice(0, eq).trim();
    const value = t.slice(eq + 1).trim();
    // An empty assignment resets a list setting, as systemd does.
    current.set(key, value === '' ? [] : [...(current.get(key) ?? []), value]);
  }
  return sections;
}

export function unitValue(sections: Sections, section: string, key: string): string {
  return sections.get(section)?.get(key)?.[0] ?? '';
}

/** Unit files whose names end with one of the suffixes, the first directory winning as in systemd. */
export function listUnitFiles(suffixes: readonly string[]): Map<string, UnitFile> {
  const out = new Map<string, UnitFile>();
  const seenDirs = new Set<string>();
  for (const dir of UNIT_DIRS) {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      continue;
    }
    if (seenDirs.has(real)) continue; // /lib is /usr/lib on merged-/usr systems
    seenDirs.add(real);
    for (const name of readdirSync(dir)) {
      if (out.has(name) || !suffixes.some((s) => name.endsWith(s))) continue;
      const path = `${dir}/${name}`;
      const st = lstatSync(path, { throwIfNoEntry: false });
      if (!st || st.isDirectory()) continue;
      let realPath = path;
      let target = '';
      if (st.isSymbolicLink()) {
        target = readlinkSync(path);
        try {
          realPath = realpathSync(path);
        } catch {
          realPath = target; // a dangling link
        }
      }
      const masked = realPath === '/dev/null' || (!st.isSymbolicLink() && st.size === 0);
      const targetName = realPath.split('/').pop()!;
      const aliasOf = st.isSymbolicLink() && !masked && targetName !== name ? targetName : '';
      const text = masked || aliasOf ? '' : (readUtf8OrNull(realPath) ?? '');
      out.set(name, { name, path, realPath, masked, aliasOf, sections: parseUnit(text) });
    }
  }
  return out;
}

export interface EnableLink {
  /** The unit the link starts (an instance such as getty@tty1.service keeps its instance name). */
  readonly unit: string;
  /** The link itself: /etc/systemd/system/multi-user.target.wants/ssh.service */
  readonly link: string;
  readonly runtime: boolean;
}

/** The links `systemctl enable` made: what systemd pulls in at boot. */
export function enableLinks(): EnableLink[] {
  const out: EnableLink[] = [];
  for (const dir of ENABLE_DIRS) {
    let entries: string[];
    try {
      entries = readdirSync(dir).filter((n) => n.endsWith('.wants') || n.endsWith('.requires') || n.endsWith('.upholds')).sort();
    } catch {
      continue;
    }
    for (const sub of entries) {
      let names: string[];
      try {
        names = readdirSync(`${dir}/${sub}`).sort();
      } catch {
        continue;
      }
      for (const unit of names) out.push({ unit, link: `${dir}/${sub}/${unit}`, runtime: dir.startsWith('/run') });
    }
  }
  return out;
}

/** The template of an instance name (getty@tty1.service → getty@.service), or the name itself. */
export function templateOf(unit: string): string {
  return unit.replace(/@[^.]*(\.[a-z]+)$/, '@$1');
}

/** `systemctl list-unit-files`'s state word for a unit, from its file and the enable links alone. */
export function unitFileState(file: UnitFile, enabled: ReadonlySet<string>, runtimeEnabled: ReadonlySet<string>): string {
  if (file.masked) return 'masked';
  if (file.aliasOf) return 'alias';
  if (file.path.startsWith('/run/systemd/generator')) return 'generated';
  if (enabled.has(file.name)) return 'enabled';
  if (runtimeEnabled.has(file.name)) return 'enabled-runtime';
  const install = file.sections.get('Install');
  const keys = ['WantedBy', 'RequiredBy', 'UpheldBy', 'Alias'];
  if (install && keys.some((k) => (install.get(k) ?? []).length > 0)) return 'disabled';
  if (install && (install.get('Also') ?? []).length > 0) return 'indirect';
  return 'static';
}

/** Unit names (and their templates) with an enable link, persistent and runtime apart. */
export function enabledSets(links: readonly EnableLink[] = enableLinks()): { enabled: Set<string>; runtime: Set<string> } {
  const enabled = new Set<string>();
  const runtime = new Set<string>();
  for (const l of links) for (const n of [l.unit, templateOf(l.unit)]) (l.runtime ? runtime : enabled).add(n);
  return { enabled, runtime };
}

/** The command of the first ExecStart=, without systemd's prefix characters (-@:+!). */
export function execStart(sections: Sections): string {
  const v = unitValue(sections, 'Service', 'ExecStart');
  return v.replace(/^[-@:+!]+/, '');
}

/** Blocks of `systemctl show` output (Key=Value lines, a blank line between units). */
export function parseShow(text: string): Map<string, string>[] {
  return text.split('\n\n').map((block) => {
    const m = new Map<string, string>();
    for (const line of block.split('\n')) {
      const eq = line.indexOf('=');
      if (eq > 0) m.set(line.slice(0, eq), line.slice(eq + 1));
    }
    return m;
  }).filter((m) => m.has('Id'));
}
