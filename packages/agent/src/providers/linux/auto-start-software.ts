import { accessSync, constants, readdirSync } from 'node:fs';
import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { dpkgOwners } from './util/proc-dpkg-owner.js';
import { readUtf8OrNull } from './util/proc-stat.js';
import { defaultRunlevel, listInitScripts, readRcLinks } from './util/proc-sysv.js';
import { enableLinks, execStart, listUnitFiles, systemdRunning, templateOf, unitValue } from './util/proc-systemd.js';
import { readPasswd } from './util/users-passwd.js';

/** One thing the system starts at boot or login, before the package lookup fills Product and Publisher. */
export interface AutoStart {
  /** The program that runs (its path when known). */
  readonly program: string;
  readonly location: string;
  readonly startupType: string;
  readonly startupValue: string;
  readonly description: string;
  /** A file a package ships, to find the product by: the program, else the unit or script. */
  readonly ownedFile: string;
}

function firstWord(command: string): string {
  return command.trim().split(/\s+/)[0] ?? '';
}

/** Units `systemctl enable` linked into a target: what systemd starts at boot. Timers and sockets name the service they start. */
export function systemdAutoStarts(): AutoStart[] {
  const files = listUnitFiles(['.service', '.socket', '.timer', '.target', '.path', '.mount']);
  const out: AutoStart[] = [];
  for (const link of enableLinks()) {
    const unit = files.get(link.unit) ?? files.get(templateOf(link.unit));
    const sections = unit?.sections ?? new Map();
    const kind = link.unit.slice(link.unit.lastIndexOf('.') + 1);
    // A timer, socket or path unit runs its Unit= (default: the service of the same name).
    let command = execStart(sections);
    if (!command && (kind === 'timer' || kind === 'socket' || kind === 'path')) {
      const target = unitValue(sections, kind[0]!.toUpperCase() + kind.slice(1), 'Unit') || link.unit.replace(/\.[a-z]+$/, '.service');
      const svc = files.get(target) ?? files.get(templateOf(target));
      command = svc ? execStart(svc.sections) : '';
    }
    const program = firstWord(command);
    out.push({
      program: program || link.unit,
      location: link.link,
      startupType: link.runtime ? 'systemd unit (runtime)' : 'systemd unit',
      startupValue: command || link.unit,
      description: unitValue(sections, 'Unit', 'Description'),
      ownedFile: program.startsWith('/') ? program : (unit?.realPath ?? ''),
    });
  }
  return out;
}

/**
 * Init scripts linked to start (S links) in rcS.d and the default runlevel. Under systemd only the
 * scripts without a native unit count: systemd runs those through its SysV generator.
 */
export function sysvAutoStarts(onlyWithoutUnit: boolean): AutoStart[] {
  const scripts = new Map(listInitScripts().map((s) => [s.name, s]));
  const units = onlyWithoutUnit ? listUnitFiles(['.service']) : new Map();
  const levels = ['S', defaultRunlevel()];
  const out: AutoStart[] = [];
  for (const [name, links] of readRcLinks()) {
    if (onlyWithoutUnit && units.has(`${name}.service`)) continue;
    for (const l of links.filter((x) => x.kind === 'S' && levels.includes(x.runlevel))) {
      const script = scripts.get(name);
      out.push({
        program: `/etc/init.d/${name}`,
        location: l.link,
        startupType: l.runlevel === 'S' ? 'init script (rcS)' : `init script (runlevel ${l.runlevel})`,
        startupValue: `/etc/init.d/${name} start`,
        description: script?.shortDescription ?? '',
        ownedFile: script?.vars.get('DAEMON') || `/etc/init.d/${name}`,
      });
    }
  }
  return out;
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** @reboot lines of the system crontabs (with a user field) and the users' crontabs (without). */
export function cronRebootStarts(): AutoStart[] {
  const files: [string, boolean][] = [['/etc/crontab', true], ...listDir('/etc/cron.d').filter((n) => !n.startsWith('.') && !n.includes('.dpkg-')).map((n): [string, boolean] => [`/etc/cron.d/${n}`, true])];
  for (const dir of ['/var/spool/cron/crontabs', '/var/spool/cron']) for (const n of listDir(dir)) files.push([`${dir}/${n}`, false]);
  const out: AutoStart[] = [];
  for (const [path, hasUser] of files) {
    for (const line of (readUtf8OrNull(path) ?? '').split('\n')) {
      const m = hasUser ? /^\s*@reboot\s+\S+\s+(.+)$/.exec(line) : /^\s*@reboot\s+(.+)$/.exec(line);
      if (!m) continue;
      const program = firstWord(m[1]!);
      out.push({ program, location: path, startupType: 'cron @reboot', startupValue: m[1]!.trim(), description: '', ownedFile: program });
    }
  }
  return out;
}

/** XDG autostart entries started at desktop login: system-wide and per user; Hidden=true removes one. */
export function xdgAutoStarts(): AutoStart[] {
  const dirs = ['/etc/xdg/autostart', ...readPasswd().filter((p) => p.home.startsWith('/home/') || p.uid === 0).map((p) => `${p.home}/.config/autostart`)];
  const out: AutoStart[] = [];
  for (const dir of dirs) {
    for (const name of listDir(dir).filter((n) => n.endsWith('.desktop'))) {
      const text = readUtf8OrNull(`${dir}/${name}`) ?? '';
      const entry = text.split(/^\[/m).find((s) => s.startsWith('Desktop Entry]')) ?? '';
      const get = (k: string) => new RegExp(`^${k}=(.*)$`, 'm').exec(entry)?.[1]?.trim() ?? '';
      if (get('Hidden') === 'true') continue;
      const exec = get('Exec');
      const program = firstWord(exec.replace(/^env\s+(\S+=\S+\s+)*/, ''));
      out.push({ program, location: `${dir}/${name}`, startupType: 'XDG autostart', startupValue: exec, description: get('Comment') || get('Name'), ownedFile: `${dir}/${name}` });
    }
  }
  return out;
}

export function rcLocalStarts(): AutoStart[] {
  try {
    accessSync('/etc/rc.local', constants.X_OK);
  } catch {
    return []; // missing or not executable: init skips it
  }
  return [{ program: '/etc/rc.local', location: '/etc/rc.local', startupType: 'rc.local', startupValue: '/etc/rc.local', description: '', ownedFile: '' }];
}

export const autoStartSoftwareProvider: Provider = {
  entity: 'AutoStartSoftware',
  platform: 'linux',
  async *collect(ctx: ProviderContext): AsyncIterable<ProviderRow> {
    if (ctx.signal.aborted) return;
    // What starts at boot depends on the init that runs: systemd's links mean nothing under SysV init.
    const systemd = systemdRunning();
    const starts = [...(systemd ? systemdAutoStarts() : []), ...sysvAutoStarts(systemd), ...cronRebootStarts(), ...xdgAutoStarts(), ...rcLocalStarts()];
    if (ctx.signal.aborted) return;
    const owners = dpkgOwners(starts.map((s) => s.ownedFile).filter((f) => f.startsWith('/')));
    for (const s of starts) {
      const pkg = owners.get(s.ownedFile);
      yield {
        FileName: s.program.slice(s.program.lastIndexOf('/') + 1),
        Location: s.location,
        StartupType: s.startupType,
        StartupValue: s.startupValue,
        Product: pkg?.name ?? '',
        ProductVersion: pkg?.version ?? '',
        Publisher: pkg?.maintainer ?? '',
        Description: s.description || (pkg?.description ?? ''),
        FileVersion: pkg?.version ?? '',
        FilePath: s.program.startsWith('/') ? s.program : '',
      };
    }
  },
};
