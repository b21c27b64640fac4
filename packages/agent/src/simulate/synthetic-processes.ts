import type { ProviderRow } from '../providers/provider.js';
import { between, type Random } from './random.js';
import type { Machine, SimDevice } from './synthetic-device.js';

/** [name, path, how many (min, max), runs as the console user]. */
type Template = readonly [string, string, number, number, boolean];

const SYS32 = 'C:\\Windows\\System32';
const WINDOWS_BASE: readonly Template[] = [
  ['smss.exe', `${SYS32}\\smss.exe`, 1, 1, false], ['csrss.exe', `${SYS32}\\csrss.exe`, 2, 2, false],
  ['wininit.exe', `${SYS32}\\wininit.exe`, 1, 1, false], ['services.exe', `${SYS32}\\services.exe`, 1, 1, false],
  ['lsass.exe', `${SYS32}\\lsass.exe`, 1, 1, false], ['svchost.exe', `${SYS32}\\svchost.exe`, 25, 70, false],
  ['winlogon.exe', `${SYS32}\\winlogon.exe`, 1, 1, false], ['spoolsv.exe', `${SYS32}\\spoolsv.exe`, 0, 1, false],
  ['MsMpEng.exe', 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MsMpEng.exe', 1, 1, false],
  ['CcmExec.exe', 'C:\\Windows\\CCM\\CcmExec.exe', 1, 1, false], ['WmiPrvSE.exe', `${SYS32}\\wbem\\WmiPrvSE.exe`, 1, 4, false],
];
const WINDOWS_DESKTOP: readonly Template[] = [
  ['dwm.exe', `${SYS32}\\dwm.exe`, 1, 1, true], ['explorer.exe', 'C:\\Windows\\explorer.exe', 1, 1, true],
  ['RuntimeBroker.exe', `${SYS32}\\RuntimeBroker.exe`, 2, 8, true], ['SearchHost.exe', 'C:\\Windows\\SystemApps\\MicrosoftWindows.Client.CBS_cw5n1h2txyewy\\SearchHost.exe', 1, 1, true],
  ['msedge.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe', 0, 14, true],
  ['ms-teams.exe', 'C:\\Program Files\\WindowsApps\\MSTeams_24243.1309.3132.617_x64__8wekyb3d8bbwe\\ms-teams.exe', 0, 1, true],
  ['OneDrive.exe', 'C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe', 1, 1, true],
  ['OUTLOOK.EXE', 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE', 0, 1, true],
  ['WINWORD.EXE', 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE', 0, 1, true],
];
const WINDOWS_SERVER: readonly Template[] = [
  ['sqlservr.exe', 'C:\\Program Files\\Microsoft SQL Server\\MSSQL15.MSSQLSERVER\\MSSQL\\Binn\\sqlservr.exe', 0, 1, false],
  ['w3wp.exe', `${SYS32}\\inetsrv\\w3wp.exe`, 0, 3, false], ['MonitoringHost.exe', 'C:\\Program Files\\Microsoft Monitoring Agent\\Agent\\MonitoringHost.exe', 0, 1, false],
];
const LINUX: readonly Template[] = [
  ['systemd-journald', '/usr/lib/systemd/systemd-journald', 1, 1, false], ['systemd-udevd', '/usr/lib/systemd/systemd-udevd', 1, 1, false],
  ['systemd-logind', '/usr/lib/systemd/systemd-logind', 1, 1, false], ['dbus-daemon', '/usr/bin/dbus-daemon', 1, 1, false],
  ['cron', '/usr/sbin/cron', 1, 1, false], ['rsyslogd', '/usr/sbin/rsyslogd', 1, 1, false], ['sshd', '/usr/sbin/sshd', 1, 3, false],
  ['agetty', '/usr/sbin/agetty', 1, 1, false], ['nginx', '/usr/sbin/nginx', 0, 5, false], ['postgres', '/usr/lib/postgresql/15/bin/postgres', 0, 8, false],
  ['node', '/usr/bin/node', 1, 1, false], ['bash', '/usr/bin/bash', 0, 3, false],
];

/** The processes running on a simulated device at `now`: 40 to 130 on Windows, 30 to 60 on Linux. */
export function syntheticProcesses(d: SimDevice, m: Machine, now: number, r: Random): ProviderRow[] {
  const windows = d.os.platform === 'windows';
  const boot = now - m.bootAgoMs;
  const rows: ProviderRow[] = [];
  const used = new Set<number>();
  const newPid = (): number => {
    for (;;) {
      const pid = windows ? between(r, 50, 16_000) * 4 : between(r, 300, 400_000);
      if (!used.has(pid)) { used.add(pid); return pid; }
    }
  };
  const add = (pid: number, name: string, path: string, parent: number, user: string, started: number, kernel = false): void => {
    const cpu = Math.floor(r() * Math.max(1, now - started) * 0.002);
    rows.push({
      ProcessId: pid, Name: name, ExecutablePath: path, CommandLine: path === '' ? '' : windows ? `"${path}"` : path,
      ParentProcessId: parent, CreationDate: started, WorkingSetSize: kernel ? 0 : between(r, 2, 600) * 1024 * 1024,
      VirtualSize: kernel ? 0 : between(r, 50, 4000) * 1024 * 1024, ThreadCount: kernel ? 1 : between(r, 1, 60),
      HandleCount: kernel ? null : between(r, 20, 3000), Priority: windows ? 8 : 20, UserModeTime: Math.floor(cpu * 0.7),
      KernelModeTime: Math.floor(cpu * 0.3), SessionId: windows ? (user === '' ? 0 : 1) : 1, UserName: user,
      ...(windows ? {} : { Uid: user === 'root' ? 0 : user === 'postgres' ? 113 : 1000, State: 'Sleeping', Nice: 0, IsKernelThread: kernel }),
    });
  };
  if (windows) {
    add(4, 'System', '', 0, 'NT AUTHORITY\\SYSTEM', boot);
    add(between(r, 20, 49) * 4, 'Registry', '', 4, 'NT AUTHORITY\\SYSTEM', boot);
  } else {
    add(1, 'systemd', '/usr/lib/systemd/systemd', 0, 'root', boot);
    add(2, 'kthreadd', '', 0, 'root', boot, true);
    for (let i = 0, n = between(r, 8, 25); i < n; i++) add(3 + i, `kworker/${i}:1`, '', 2, 'root', boot, true);
  }
  const user = windows ? (m.user ? `CONTOSO\\${m.user}` : '') : m.user;
  const templates = windows ? [...WINDOWS_BASE, ...(d.os.server ? WINDOWS_SERVER : WINDOWS_DESKTOP)] : LINUX;
  for (const [name, path, min, max, asUser] of templates) {
    if (asUser && user === '') continue;
    for (let i = 0, n = between(r, min, max); i < n; i++) {
      const started = asUser ? now - Math.floor(r() * Math.min(m.bootAgoMs, 8 * 3_600_000)) : boot + between(r, 1, 120) * 1000;
      add(newPid(), name, path, windows ? 0 : 1, asUser ? user : windows ? 'NT AUTHORITY\\SYSTEM' : name === 'postgres' ? 'postgres' : 'root', started);
    }
  }
  return rows;
}
