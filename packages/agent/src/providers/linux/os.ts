import { linuxProvider } from './util/hw-read.js';
import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { readOsInfo } from './util/hw-os-info.js';

/** OS: one row, the basic set of OperatingSystem. */
export const osProvider: Provider = linuxProvider('OS', async function* (ctx: ProviderContext): AsyncIterable<ProviderRow> {
  const info = await readOsInfo('OS', ctx.signal);
  yield {
    Caption: info.caption,
    Version: info.version,
    BuildNumber: info.buildNumber,
    OSArchitecture: info.osArchitecture,
    FreePhysicalMemory: info.freePhysicalMemoryKb,
    LastBootUpTime: info.lastBootUpTime,
    Machine: info.machine,
  };
});
