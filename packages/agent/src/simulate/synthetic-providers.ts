import type { Provider, ProviderContext, ProviderRow } from '../providers/provider.js';
import { between, pick, randomFrom, type Random } from './random.js';
import { consoleUser, ipOf, machineOf, macOf, SIM_DOMAIN, type SimDevice } from './synthetic-device.js';
import { LINUX_PACKAGES, LINUX_SERVICES, WINDOWS_SERVER_SOFTWARE, WINDOWS_SERVICES, WINDOWS_SOFTWARE } from './synthetic-data.js';
import { syntheticProcesses } from './synthetic-processes.js';

const DAY = 86_400_000;

/**
 * Providers for one simulated device: Device, OS, OperatingSystem, Process, InstalledSoftware, Service, User
 * and IPConfig, with the entity specs' columns. Rows are made when a query asks (nothing is kept between
 * queries) and depend only on the seed, the device index and the query's `now`.
 */
export function syntheticProviders(d: SimDevice): Provider[] {
  const p = (entity: string, rows: (ctx: ProviderContext, r: Random) => ProviderRow[]): Provider => ({
    entity,
    platform: d.os.platform,
    async *collect(ctx: ProviderContext): AsyncIterable<ProviderRow> {
      for (const row of rows(ctx, randomFrom(d.seed, d.index, entity))) {
        if (ctx.signal.aborted) return;
        yield row;
      }
    },
  });
  return [
    p('Device', () => deviceRows(d)),
    p('OS', (ctx) => osRows(d, ctx.now)),
    p('OperatingSystem', (ctx) => operatingSystemRows(d, ctx.now)),
    p('Process', (ctx, r) => syntheticProcesses(d, machineOf(d), ctx.now, r)),
    p('InstalledSoftware', (ctx, r) => softwareRows(d, ctx.now, r)),
    p('Service', (_ctx, r) => serviceRows(d, r)),
    p('User', (ctx, r) => userRows(d, ctx.now, r)),
    p('IPConfig', () => ipConfigRows(d)),
  ];
}

function deviceRows(d: SimDevice): ProviderRow[] {
  const m = machineOf(d);
  return [{ UserName: consoleUser(d, m), Model: m.model, Manufacturer: m.manufacturer, Domain: SIM_DOMAIN, OSName: d.os.caption, OSVersion: d.os.version }];
}

function osRows(d: SimDevice, now: number): ProviderRow[] {
  const m = machineOf(d);
  return [{
    Caption: d.os.caption, Version: d.os.version, BuildNumber: d.os.build, OSArchitecture: '64-bit',
    FreePhysicalMemory: m.freeMemoryKb, LastBootUpTime: now - m.bootAgoMs, ...(d.os.platform === 'linux' ? { Machine: 'x86_64' } : {}),
  }];
}

function operatingSystemRows(d: SimDevice, now: number): ProviderRow[] {
  const m = machineOf(d);
  const common = {
    Caption: d.os.caption, Version: d.os.version, BuildNumber: d.os.build, OSArchitecture: '64-bit',
    InstallDate: now - m.installAgoMs, LastBootUpTime: now - m.bootAgoMs,
    TotalVisibleMemorySize: m.totalMemoryKb, FreePhysicalMemory: m.freeMemoryKb,
  };
  if (d.os.platform === 'windows') {
    return [{
      ...common, OSLanguage: 1033, OperatingSystemSKU: d.os.sku ?? 4, ProductType: d.os.server ? 3 : 1, CSDVersion: '',
      Locale: '0409', SerialNumber: `00330-${String(80000 + (d.index % 20000)).padStart(5, '0')}-00000-AA${String(d.index % 1000).padStart(3, '0')}`,
      WindowsDirectory: 'C:\\Windows',
    }];
  }
  const distro = d.os.distro!;
  return [{
    ...common, Locale: 'en_US.UTF-8', Machine: 'x86_64', KernelVersion: `#1 SMP PREEMPT_DYNAMIC Debian ${d.os.build}`,
    DistributionId: distro.id, DistributionIdLike: distro.like, VersionCodename: distro.codename,
  }];
}

function softwareRows(d: SimDevice, now: number, r: Random): ProviderRow[] {
  if (d.os.platform === 'linux') {
    const codename = d.os.distro!.codename;
    return LINUX_PACKAGES.filter(([name]) => name !== 'nginx' || r() < 0.5).map(([name, section, summary, versions]) => {
      const version = versions[codename] ?? '1.0-1';
      const upstream = version.replace(/^\d+:/, '').match(/^(\d+)(?:\.(\d+))?/);
      return {
        ProductName: name, ProductVersion: version, Publisher: d.os.distro!.id === 'ubuntu' ? 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' : 'Debian QA Group <packages@qa.debian.org>',
        ARPDisplayName: name, InstallDate: now - between(r, 1, 400) * DAY,
        VersionMajor: upstream ? Number(upstream[1]) : null, VersionMinor: upstream?.[2] !== undefined ? Number(upstream[2]) : null,
        Architecture: 'amd64', Status: 'install ok installed', Description: summary, Section: section,
        InstalledSize: between(r, 50, 20_000) * 1024, SourcePackage: name, Homepage: '', PackageManager: 'dpkg',
      };
    });
  }
  const catalog = d.os.server ? [...WINDOWS_SOFTWARE.slice(0, 5), ...WINDOWS_SERVER_SOFTWARE] : WINDOWS_SOFTWARE;
  const rows: ProviderRow[] = [];
  for (const [name, publisher, ...versions] of catalog) {
    // The first five are on every device; the rest on some.
    if (rows.length >= 5 && r() < 0.4) continue;
    // Newer versions are more common: the first with probability ~60%, the next ~25%…
    const version = versions[Math.min(versions.length - 1, Math.floor(-Math.log2(1 - r() * 0.999) * 0.7))]!;
    const [major, minor] = version.split('.').map(Number);
    rows.push({
      ProductName: name, ProductVersion: version, Publisher: publisher, ARPDisplayName: name,
      InstallDate: now - between(r, 1, 700) * DAY, VersionMajor: Number.isFinite(major) ? major! : null, VersionMinor: Number.isFinite(minor) ? minor! : null,
    });
  }
  return rows;
}

function serviceRows(d: SimDevice, r: Random): ProviderRow[] {
  if (d.os.platform === 'linux') {
    return LINUX_SERVICES.map(([name, description, enabled]) => {
      const running = enabled && r() > 0.03;
      return {
        Name: name, DisplayName: description, Description: description, State: running ? 'Running' : 'Stopped',
        Status: enabled && !running ? 'Error' : 'OK', StartMode: enabled ? 'Auto' : 'Manual', Started: running,
        ProcessId: running ? between(r, 300, 40_000) : 0, PathName: `/usr/sbin/${name}`, StartName: 'root', ServiceType: 'simple',
        ServiceManager: 'systemd', SubState: running ? 'running' : enabled ? 'failed' : 'dead',
        UnitFileState: enabled ? 'enabled' : 'static', UnitFile: `/lib/systemd/system/${name}.service`,
      };
    });
  }
  return WINDOWS_SERVICES.map(([name, display, mode, path]) => {
    // An Auto service is stopped on about one device in thirty: something for "Auto but not running" to find.
    const running = mode === 'Auto' ? r() > 0.033 : mode === 'Manual' && r() < 0.4;
    return {
      Name: name, DisplayName: display, Description: display, State: running ? 'Running' : 'Stopped', Status: 'OK', StartMode: mode,
      Started: running, ProcessId: running ? between(r, 1, 4000) * 4 : 0, PathName: path, StartName: 'LocalSystem', ServiceType: 'Own Process',
    };
  });
}

function userRows(d: SimDevice, now: number, r: Random): ProviderRow[] {
  const m = machineOf(d);
  const rows: ProviderRow[] = [];
  if (m.user !== '') {
    rows.push({ UserName: consoleUser(d, m), Terminal: d.os.platform === 'windows' ? 'Console' : ':0', Host: '', LoginTime: now - Math.min(m.bootAgoMs, between(r, 1, 600) * 60_000), ProcessId: between(r, 1000, 9000) * 4, Source: 'utmp' });
  }
  const remote = d.os.server ? between(r, 0, 2) : 0;
  for (let i = 0; i < remote; i++) {
    const admin = `adm.${pick(r, ['anna', 'ben', 'carla', 'david'])}`;
    rows.push({
      UserName: d.os.platform === 'windows' ? `CONTOSO\\${admin}` : admin, Terminal: d.os.platform === 'windows' ? `RDP-Tcp#${i}` : `pts/${i}`,
      Host: `10.20.0.${between(r, 2, 9)}`, LoginTime: now - between(r, 1, 3000) * 60_000, ProcessId: between(r, 1000, 30000), Source: 'utmp',
    });
  }
  return rows;
}

function ipConfigRows(d: SimDevice): ProviderRow[] {
  const ip = ipOf(d);
  const windows = d.os.platform === 'windows';
  return [{
    InterfaceAlias: windows ? 'Ethernet' : 'eth0', Name: windows ? 'sim.contoso.com' : 'eth0',
    InterfaceDescription: windows ? 'Intel(R) Ethernet Connection (17) I219-LM' : 'virtio_net', Status: 'Up',
    IPV4Address: ip, IPV6Address: linkLocal(macOf(d)),
    IPV4DefaultGateway: '10.20.0.1', IPV6DefaultGateway: '', DNSServerList: '10.20.0.2; 10.20.0.3', InterfaceIndex: windows ? 12 : 2,
    MACAddress: macOf(d), MTU: 1500, IPV4PrefixLength: `${ip}/16`, DNSSearchList: SIM_DOMAIN,
  }];
}

/** The EUI-64 link-local address of a 00:15:5D:xx:yy:zz MAC. */
function linkLocal(mac: string): string {
  const [, , , a, b, c] = mac.toLowerCase().split(':');
  return `fe80::215:5dff:fe${a}:${b}${c}`;
}
