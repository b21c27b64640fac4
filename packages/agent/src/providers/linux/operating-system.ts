import { linuxProvider } from './util/hw-read.js';
import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { readInstallDate, readOsInfo, readSystemLocale } from './util/hw-os-info.js';

/** OperatingSystem: one row, Win32_OperatingSystem's columns filled from os-release, the kernel and /proc. */
export const operatingSystemProvider: Provider = linuxProvider('OperatingSystem', async function* (ctx: ProviderContext): AsyncIterable<ProviderRow> {
  const [info, installDate, locale] = await Promise.all([
    readOsInfo('OperatingSystem', ctx.signal),
    readInstallDate(),
    readSystemLocale(ctx.signal),
  ]);
  const osr = info.osRelease;
  yield {
    Caption: info.caption,
    Version: info.version,
    BuildNumber: info.buildNumber,
    OSArchitecture: info.osArchitecture,
    InstallDate: installDate,
    LastBootUpTime: info.lastBootUpTime,
    OSLanguage: null,
    OperatingSystemSKU: null,
    ProductType: null,
    CSDVersion: '',
    Locale: locale,
    SerialNumber: '',
    TotalVisibleMemorySize: info.totalVisibleMemoryKb,
    FreePhysicalMemory: info.freePhysicalMemoryKb,
    WindowsDirectory: '',
    Machine: info.machine,
    KernelVersion: info.kernelVersion,
    DistributionId: osr.get('ID') ?? '',
    DistributionIdLike: osr.get('ID_LIKE') ?? '',
    VersionCodename: osr.get('VERSION_CODENAME') ?? '',
  };
});
