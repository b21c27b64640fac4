import { hostname, machine } from 'node:os';
import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { readConsoleUser } from './util/hw-console-user.js';
import { readLogicalCpus } from './util/hw-cpu.js';
import { readDmiFields } from './util/hw-dmi.js';
import { readDnsDomain, shortHostname } from './util/hw-domain.js';
import { readMeminfo } from './util/hw-meminfo.js';
import { checkAborted, linuxProvider, readAttr } from './util/hw-read.js';
import { offsetAt, systemZoneName } from './util/hw-tz.js';

/** Windows' SystemType strings for the machines it names; other kernels keep their own name. */
export function systemType(m: string): string {
  if (m === 'x86_64') return 'x64-based PC';
  if (m === 'aarch64' || m === 'arm64') return 'ARM64-based PC';
  if (/^i[3-6]86$/.test(m)) return 'X86-based PC';
  return m;
}

/** ComputerSystem: one row, Win32_ComputerSystem's columns from the host name, DMI, /proc and the zone. */
export const computerSystemProvider: Provider = linuxProvider('ComputerSystem', async function* (ctx: ProviderContext): AsyncIterable<ProviderRow> {
  checkAborted(ctx.signal, 'ComputerSystem');
  const [dmi, domain, user, cpus, mem, zone, hvType] = await Promise.all([
    readDmiFields(['product_name', 'sys_vendor'], ctx.signal),
    readDnsDomain(ctx.signal),
    readConsoleUser(ctx.signal),
    readLogicalCpus('ComputerSystem', ctx.signal),
    readMeminfo('ComputerSystem', ctx.signal),
    systemZoneName(ctx.signal),
    readAttr('/sys/hypervisor/type', ctx.signal),
  ]);
  const flags = cpus[0]?.fields.get('flags') ?? '';
  const memTotal = mem.get('MemTotal');
  yield {
    Name: shortHostname(),
    Manufacturer: dmi.sys_vendor,
    Model: dmi.product_name,
    Domain: domain,
    DomainRole: null,
    UserName: user,
    SystemType: systemType(machine()),
    NumberOfProcessors: new Set(cpus.map((c) => c.socket)).size,
    NumberOfLogicalProcessors: cpus.length,
    TotalPhysicalMemory: memTotal === undefined ? null : memTotal * 1024,
    CurrentTimeZone: offsetAt(zone, ctx.now),
    PrimaryOwnerName: '',
    Status: 'OK',
    HypervisorPresent: /\bhypervisor\b/.test(flags) || hvType !== '',
    DNSHostName: hostname(),
  };
});
