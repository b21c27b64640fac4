import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { basename } from 'node:path';

const NET = '/sys/class/net';

export interface NetInterface {
  readonly name: string;
  readonly index: number;
  /** Upper case, colon-separated; "" for interfaces without one (or all zeros, as lo has). */
  readonly mac: string;
  readonly mtu: number;
  readonly operstate: string;
  /** ARPHRD_* number: 1 ethernet, 772 loopback… */
  readonly type: number;
  readonly adminUp: boolean;
  /** IFF_RUNNING is not in sysfs' flags; carrier is what stands for it (lo: 1, its operstate: unknown). */
  readonly carrier: boolean;
  /** Mbit/s, or null when the driver does not say (virtual links print -1 or refuse the read). */
  readonly speedMbps: number | null;
  readonly duplex: string;
  /** The kernel driver behind the device; "" for virtual interfaces. */
  readonly driver: string;
  /** The resolved sysfs path of the backing device; "" for virtual interfaces. */
  readonly devicePath: string;
  readonly vendor: string;
  readonly product: string;
  /** DEVTYPE from uevent (bridge, vlan, wlan…), "" when none. */
  readonly devtype: string;
  /** The sysfs wireless directory exists. */
  readonly wireless: boolean;
}

function attr(dir: string, name: string): string {
  try { return readFileSync(`${dir}/${name}`, 'latin1').trim(); } catch { return ''; }
}

function link(path: string): string {
  try { return readlinkSync(path); } catch { return ''; }
}

const IFF_UP = 0x1;

export function readInterface(name: string): NetInterface {
  const dir = `${NET}/${name}`;
  const flags = parseInt(attr(dir, 'flags') || '0', 16);
  const speed = Number(attr(dir, 'speed'));
  const mac = attr(dir, 'address').toUpperCase();
  const devLink = link(`${dir}/device`);
  let devicePath = '';
  if (devLink) { try { devicePath = realpathSync(`${dir}/device`); } catch { devicePath = ''; } }
  const devtype = /^DEVTYPE=(.*)$/m.exec(attr(dir, 'uevent'))?.[1] ?? '';
  let wireless = false;
  try { readdirSync(`${dir}/wireless`); wireless = true; } catch { wireless = false; }
  return {
    name,
    index: Number(attr(dir, 'ifindex')),
    mac: /^(00:)*00$/.test(mac) ? '' : mac,
    mtu: Number(attr(dir, 'mtu')),
    operstate: attr(dir, 'operstate'),
    type: Number(attr(dir, 'type')),
    adminUp: (flags & IFF_UP) !== 0,
    carrier: attr(dir, 'carrier') === '1',
    speedMbps: Number.isFinite(speed) && speed > 0 ? speed : null,
    duplex: ['full', 'half'].includes(attr(dir, 'duplex')) ? attr(dir, 'duplex') : '',
    driver: devLink ? basename(link(`${dir}/device/driver`)) : '',
    devicePath,
    vendor: devLink ? attr(`${dir}/device`, 'vendor') : '',
    product: devLink ? attr(`${dir}/device`, 'device') : '',
    devtype,
    wireless: wireless || devtype === 'wlan',
  };
}

/** Every interface, ordered by index as `ip link` lists them. */
export function listInterfaces(): NetInterface[] {
  let names: string[];
  try { names = readdirSync(NET); } catch { return []; }
  return names.map(readInterface).sort((a, b) => a.index - b.index);
}

/** Windows' words for an interface's driver or kind. */
export function describeInterface(i: NetInterface): string {
  if (i.type === 772) return 'Loopback';
  if (i.driver) return i.driver;
  return i.devtype || 'Virtual';
}

/** Get-NetAdapter's Status: Up, Disconnected (no carrier) or Disabled (administratively down). */
export function interfaceStatus(i: NetInterface): string {
  if (!i.adminUp) return 'Disabled';
  if (i.operstate === 'up' || (i.operstate === 'unknown' && i.carrier)) return 'Up';
  return 'Disconnected';
}
