import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { describeInterface, listInterfaces, type NetInterface } from './util/net-sys.js';

/** Win32_NetworkAdapter.AdapterType wording for the ARPHRD types one meets. */
function adapterType(i: NetInterface): string {
  if (i.type === 772) return 'Loopback';
  if (i.type === 1) return i.wireless ? 'Wireless' : 'Ethernet 802.3';
  if (i.type === 768 || i.type === 769 || i.type === 776 || i.type === 778 || i.type === 65534) return 'Tunnel';
  return `ARPHRD ${i.type}`;
}

/** Win32_NetworkAdapter.NetConnectionStatus: 2 connected, 7 media disconnected, 0 disconnected. */
function connectionStatus(i: NetInterface): number {
  if (!i.adminUp) return 0;
  return i.operstate === 'up' || (i.operstate === 'unknown' && i.carrier) ? 2 : 7;
}

export const networkAdapterProvider: Provider = {
  entity: 'NetworkAdapter',
  platform: 'linux',
  async *collect(ctx: ProviderContext): AsyncIterable<ProviderRow> {
    for (const i of listInterfaces()) {
      if (ctx.signal.aborted) return;
      const status = connectionStatus(i);
      yield {
        DeviceID: String(i.index),
        Index: i.index,
        Name: i.name,
        Description: describeInterface(i),
        ProductName: i.product,
        Manufacturer: i.vendor,
        AdapterType: adapterType(i),
        MACAddress: i.mac,
        ServiceName: i.driver,
        Speed: i.speedMbps === null ? null : i.speedMbps * 1_000_000,
        MaxSpeed: null,
        Installed: true,
        PNPDeviceID: i.devicePath,
        Status: status === 2 ? 'OK' : i.operstate,
        TimeOfLastReset: null,
        NetConnectionID: i.name,
        NetConnectionStatus: status,
        NetEnabled: i.adminUp,
        PhysicalAdapter: i.devicePath !== '' && !i.devicePath.includes('/virtual/'),
        MTU: i.mtu,
        Duplex: i.duplex,
        OperState: i.operstate,
      };
    }
  },
};
