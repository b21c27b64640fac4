import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { ProviderError } from '../provider.js';
import { readAddresses } from './util/net-ip-addresses.js';
import { ipv4DefaultGateways, ipv6DefaultGateways, readResolvConf } from './util/net-routes.js';
import { describeInterface, interfaceStatus, listInterfaces } from './util/net-sys.js';

const bare = (cidr: string): string => cidr.slice(0, cidr.lastIndexOf('/'));

export const ipConfigProvider: Provider = {
  entity: 'IPConfig',
  platform: 'linux',
  async *collect(ctx: ProviderContext): AsyncIterable<ProviderRow> {
    // Start `ip` first: the sysfs and /proc reads below then overlap with the child process.
    const pending = readAddresses(ctx.signal);
    pending.catch(() => undefined);
    const interfaces = listInterfaces();
    const gw4 = ipv4DefaultGateways();
    const gw6 = ipv6DefaultGateways();
    const dns = readResolvConf();
    let addresses;
    try {
      addresses = await pending;
    } catch (e) {
      if (ctx.signal.aborted) return;
      throw new ProviderError(`IPConfig: cannot read the interface addresses: ${(e as Error).message}`, { cause: e });
    }
    for (const i of interfaces) {
      if (ctx.signal.aborted) return;
      const a = addresses.get(i.name) ?? { v4: [], v6: [] };
      yield {
        InterfaceAlias: i.name,
        Name: i.name,
        InterfaceDescription: describeInterface(i),
        Status: interfaceStatus(i),
        IPV4Address: a.v4.map(bare).join('; '),
        IPV6Address: a.v6.map(bare).join('; '),
        IPV4DefaultGateway: (gw4.get(i.name) ?? []).join('; '),
        IPV6DefaultGateway: (gw6.get(i.name) ?? []).join('; '),
        DNSServerList: dns.servers.join('; '),
        InterfaceIndex: i.index,
        MACAddress: i.mac,
        MTU: i.mtu,
        IPV4PrefixLength: a.v4.join('; '),
        DNSSearchList: dns.search.join('; '),
      };
    }
  },
};
