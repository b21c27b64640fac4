import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { readConsoleUser } from './util/hw-console-user.js';
import { readDmiFields } from './util/hw-dmi.js';
import { readDnsDomain } from './util/hw-domain.js';
import { readOsRelease } from './util/hw-os-release.js';
import { checkAborted, linuxProvider } from './util/hw-read.js';

/**
 * Device: one row, the console user, maker, model and domain, and the OS name and version. The OS
 * columns take the same os-release fields, with the same fallbacks, as OS's Caption and Version
 * (util/hw-os-info.ts), so grouping by either entity gives the same buckets; only os-release is read
 * here, not the boot time and memory readOsInfo also gathers.
 */
export const deviceProvider: Provider = linuxProvider('Device', async function* (ctx: ProviderContext): AsyncIterable<ProviderRow> {
  checkAborted(ctx.signal, 'Device');
  const [user, dmi, domain, osr] = await Promise.all([
    readConsoleUser(ctx.signal),
    readDmiFields(['product_name', 'sys_vendor'], ctx.signal),
    readDnsDomain(ctx.signal),
    readOsRelease(ctx.signal),
  ]);
  yield {
    UserName: user,
    Model: dmi.product_name,
    Manufacturer: dmi.sys_vendor,
    Domain: domain,
    OSName: osr.get('PRETTY_NAME') ?? osr.get('NAME') ?? 'Linux',
    OSVersion: osr.get('VERSION_ID') ?? '',
  };
});
