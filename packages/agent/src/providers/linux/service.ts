import { readdirSync, realpathSync } from 'node:fs';
import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { findTool, runTool } from './util/proc-run-tool.js';
import { listPids, parseStat, readTextOrNull, readUtf8OrNull, readlinkOrEmpty, statusField } from './util/proc-stat.js';
import { listInitScripts, readRcLinks, type InitScript, type RcLink } from './util/proc-sysv.js';
import {
  enabledSets, execStart, listUnitFiles, parseShow, parseUnit, systemdRunning, unitFileState, unitValue, type Sections,
} from './util/proc-systemd.js';
import { userNamesByUid } from './util/users-passwd.js';

const ENTITY = 'Service';
const SHOW_PROPERTIES = 'Id,Description,LoadState,ActiveState,SubState,MainPID,UnitFileState,FragmentPath,ExecStart,User,Type';

/** Windows' StartMode words for systemd's unit file states. */
export function startModeOf(unitFileState: string): string {
  if (unitFileState === 'enabled' || unitFileState === 'enabled-runtime') return 'Auto';
  if (unitFileState.startsWith('masked')) return 'Disabled';
  return 'Manual';
}

function stateOf(active: string): string {
  if (active === 'active' || active === 'reloading' || active === 'refreshing') return 'Running';
  if (active === 'activating') return 'Start Pending';
  if (active === 'deactivating') return 'Stop Pending';
  return 'Stopped';
}

/** The argv of `systemctl show`'s ExecStart={ path=… ; argv[]=/usr/sbin/sshd -D ; … }. */
function showExecStart(v: string): string {
  return /argv\[\]=(.*?) ;/.exec(v)?.[1] ?? '';
}

/** Services as systemd knows them: every .service unit file (not templates or aliases), plus loaded instances when systemd runs. */
export function systemdServiceRows(shown: readonly Map<string, string>[]): ProviderRow[] {
  const files = listUnitFiles(['.service']);
  const { enabled, runtime } = enabledSets();
  const byId = new Map(shown.map((s) => [s.get('Id')!, s]));
  const ids = new Set([...files.values()].filter((f) => !f.aliasOf && !f.name.includes('@.')).map((f) => f.name));
  for (const id of byId.keys()) if (!id.includes('@.')) ids.add(id);
  const rows: ProviderRow[] = [];
  for (const id of [...ids].sort()) {
    const file = files.get(id);
    const show = byId.get(id);
    let sections: Sections = file?.sections ?? new Map();
    if (!file && show?.get('FragmentPath')) sections = parseUnit(readUtf8OrNull(show.get('FragmentPath')!) ?? '');
    const fileState = show?.get('UnitFileState') || (file ? unitFileState(file, enabled, runtime) : '');
    const active = show?.get('ActiveState') ?? 'inactive';
    const state = stateOf(active);
    const description = unitValue(sections, 'Unit', 'Description') || (show?.get('Description') ?? '');
    rows.push({
      Name: id.replace(/\.service$/, ''),
      DisplayName: description || id,
      Description: description,
      State: state,
      Status: active === 'failed' ? 'Error' : 'OK',
      StartMode: startModeOf(fileState),
      Started: state === 'Running',
      ProcessId: Number(show?.get('MainPID') ?? 0) || 0,
      PathName: execStart(sections) || showExecStart(show?.get('ExecStart') ?? ''),
      StartName: unitValue(sections, 'Service', 'User') || show?.get('User') || 'root',
      ServiceType: unitValue(sections, 'Service', 'Type') || show?.get('Type') || 'simple',
      ServiceManager: 'systemd',
      SubState: show?.get('SubState') ?? 'dead',
      UnitFileState: fileState,
      UnitFile: file?.realPath ?? show?.get('FragmentPath') ?? '',
    });
  }
  return rows;
}

interface ProcInfo { readonly pid: number; readonly ppid: number; readonly comm: string; readonly exe: string; readonly uid: number; readonly rssKb: number }

function processTable(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const pid of listPids()) {
    const st = parseStat(readTextOrNull(`/proc/${pid}/stat`, 'utf8') ?? '');
    if (!st || st.state === 'Z') continue;
    const status = readTextOrNull(`/proc/${pid}/status`) ?? '';
    const uid = Number(statusField(status, 'Uid').split(/\s+/)[0]);
    const rssKb = Number.parseInt(statusField(status, 'VmRSS'), 10) || 0;
    out.push({ pid, ppid: st.ppid, comm: st.comm, exe: readlinkOrEmpty(`/proc/${pid}/exe`).replace(/ \(deleted\)$/, ''), uid, rssKb });
  }
  return out;
}

function pidFromFile(path: string, alive: ReadonlyMap<number, ProcInfo>): ProcInfo | undefined {
  const pid = Number.parseInt(readUtf8OrNull(path) ?? '', 10);
  return Number.isInteger(pid) ? alive.get(pid) : undefined;
}

/** Pid files a SysV service is likely to write: those its script names, then the /run conventions for its name. */
function pidFileCandidates(script: InitScript): string[] {
  const out: string[] = [];
  for (const [k, v] of script.vars) if (/PID_?FILE$/i.test(k) && v.startsWith('/')) out.push(v);
  out.push(`/run/${script.name}.pid`, `/run/${script.name}/${script.name}.pid`, `/run/${script.name}/pid`);
  try {
    for (const n of readdirSync(`/run/${script.name}`)) if (n.endsWith('.pid')) out.push(`/run/${script.name}/${n}`);
  } catch {
    // no run directory
  }
  return out;
}

/**
 * The process serving a SysV script, found as the script itself would: its pid file; else a daemon
 * (a child of init) running the script's DAEMON; else a daemon whose name and the service's name
 * extend one another (postgresql ↔ postgres, mariadb ↔ mariadbd); else the largest daemon of the
 * account named after the service (rabbitmq-server ↔ user rabbitmq, whose status script asks the node).
 */
export function findServiceProcess(script: InitScript, procs: readonly ProcInfo[], users: ReadonlyMap<number, string>): ProcInfo | undefined {
  const alive = new Map(procs.map((p) => [p.pid, p]));
  for (const f of pidFileCandidates(script)) {
    const p = pidFromFile(f, alive);
    if (p) return p;
  }
  const daemons = procs.filter((p) => p.ppid === 1);
  const daemon = script.vars.get('DAEMON') ?? '';
  if (daemon.startsWith('/')) {
    let real = daemon;
    try {
      real = realpathSync(daemon); // /proc/<pid>/exe names the file a link leads to (redis-server → redis-check-rdb)
    } catch {
      // not installed: nothing can run it
    }
    const p = daemons.find((x) => x.exe === real || x.exe === daemon);
    if (p) return p;
  }
  const name = script.name.toLowerCase();
  const extend = (a: string) => a.length >= 4 && (a.startsWith(name) || name.startsWith(a));
  const byName = daemons.find((x) => extend(x.comm.toLowerCase()) || extend((x.exe.split('/').pop() ?? '').toLowerCase()));
  if (byName) return byName;
  const ofUser = daemons.filter((x) => x.uid !== 0 && extend((users.get(x.uid) ?? '').toLowerCase()));
  return ofUser.sort((a, b) => b.rssKb - a.rssKb)[0];
}

function sysvStartMode(links: readonly RcLink[]): string {
  const boot = links.filter((l) => ['S', '2', '3', '4', '5'].includes(l.runlevel));
  if (boot.some((l) => l.kind === 'S')) return 'Auto';
  return boot.some((l) => l.kind === 'K') ? 'Disabled' : 'Manual';
}

export function sysvServiceRows(): ProviderRow[] {
  const procs = processTable();
  const links = readRcLinks();
  const users = userNamesByUid();
  return listInitScripts().map((s) => {
    const p = findServiceProcess(s, procs, users);
    const mode = sysvStartMode(links.get(s.name) ?? []);
    return {
      Name: s.name,
      DisplayName: s.shortDescription || s.name,
      Description: s.description,
      State: p ? 'Running' : 'Stopped',
      Status: 'OK',
      StartMode: mode,
      Started: p !== undefined,
      ProcessId: p?.pid ?? 0,
      PathName: s.vars.get('DAEMON') || s.path,
      StartName: p ? (users.get(p.uid) ?? String(p.uid)) : '',
      ServiceType: 'sysv',
      ServiceManager: 'sysv',
      SubState: p ? 'running' : 'dead',
      UnitFileState: mode === 'Auto' ? 'enabled' : 'disabled',
      UnitFile: s.path,
    };
  });
}

export const serviceProvider: Provider = {
  entity: ENTITY,
  platform: 'linux',
  async *collect(ctx: ProviderContext): AsyncIterable<ProviderRow> {
    if (ctx.signal.aborted) return;
    if (!systemdRunning()) {
      yield* sysvServiceRows();
      return;
    }
    const systemctl = findTool('systemctl');
    // Without systemctl the unit files still tell what exists and what is enabled; only live state is missing.
    const shown = systemctl === null ? [] : parseShow(await runTool(ENTITY, systemctl, ['show', '--no-pager', `--property=${SHOW_PROPERTIES}`, '*.service'], ctx.signal));
    if (ctx.signal.aborted) return;
    yield* systemdServiceRows(shown);
  },
};
