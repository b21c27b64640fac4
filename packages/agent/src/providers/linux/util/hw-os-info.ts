import { stat } from 'node:fs/promises';
import { machine, release, version } from 'node:os';
import { architectureBits, readOsRelease } from './hw-os-release.js';
import { readBootTime } from './hw-boot.js';
import { readMeminfo } from './hw-meminfo.js';
import { checkAborted, readText } from './hw-read.js';
import { parseOsRelease } from './hw-os-release.js';

/** What OS and OperatingSystem share: the distribution, the kernel, boot time and memory. */
export interface OsInfo {
  readonly caption: string;
  readonly version: string;
  readonly buildNumber: string;
  readonly osArchitecture: string;
  readonly machine: string;
  readonly lastBootUpTime: number;
  readonly totalVisibleMemoryKb: number | null;
  readonly freePhysicalMemoryKb: number | null;
  readonly osRelease: ReadonlyMap<string, string>;
  readonly kernelVersion: string;
}

export async function readOsInfo(entity: string, signal: AbortSignal): Promise<OsInfo> {
  checkAborted(signal, entity);
  const [osr, boot, mem] = await Promise.all([readOsRelease(signal), readBootTime(entity, signal), readMeminfo(entity, signal)]);
  const m = machine();
  return {
    caption: osr.get('PRETTY_NAME') ?? osr.get('NAME') ?? 'Linux',
    version: osr.get('VERSION_ID') ?? '',
    buildNumber: release(),
    osArchitecture: architectureBits(m),
    machine: m,
    lastBootUpTime: boot,
    totalVisibleMemoryKb: mem.get('MemTotal') ?? null,
    freePhysicalMemoryKb: mem.get('MemFree') ?? null,
    osRelease: osr,
    kernelVersion: version(),
  };
}

/**
 * When the system was installed. Linux records no install date, so the best witness wins: the root
 * filesystem's birth time (mkfs time on ext4/xfs/btrfs, 0 on overlay roots), then the Debian installer's
 * log directory, then /etc/machine-id, written on first boot and normally never again.
 */
export async function readInstallDate(): Promise<number | null> {
  for (const [path, field] of [['/', 'birthtimeMs'], ['/var/log/installer', 'birthtimeMs'], ['/var/log/installer', 'mtimeMs'], ['/etc/machine-id', 'mtimeMs']] as const) {
    try {
      const t = (await stat(path))[field];
      if (t > 0) return Math.round(t);
    } catch {
      // try the next witness
    }
  }
  return null;
}

/** The system locale (LANG) from /etc/default/locale or /etc/locale.conf, else the agent's own LANG. */
export async function readSystemLocale(signal: AbortSignal): Promise<string> {
  for (const path of ['/etc/locale.conf', '/etc/default/locale']) {
    const text = await readText(path, signal);
    const lang = text === null ? undefined : parseOsRelease(text).get('LANG');
    if (lang) return lang;
  }
  return process.env['LANG'] ?? '';
}
