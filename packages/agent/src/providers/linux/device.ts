import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { readConsoleUser } from './util/hw-console-user.js';
import { readDmiFields } from './util/hw-dmi.js';
import { readDnsDomain } from './util/hw-domain.js';
import { checkAborted, linuxProvider } from './util/hw-read.js';

/** Device: one row, the console user, maker, model and domain. */
export const deviceProvider: Provider = linuxProvider('Device', async function* (ctx: ProviderContext): AsyncIterable<ProviderRow> {
  checkAborted(ctx.signal, 'Device');
  const [user, dmi, domain] = await Promise.all([
    readConsoleUser(ctx.signal),
    readDmiFields(['product_name', 'sys_vendor'], ctx.signal),
    readDnsDomain(ctx.signal),
  ]);
  yield { UserName: user, Model: dmi.product_name, Manufacturer: dmi.sys_vendor, Domain: domain };
});
