import { defineEntity } from '../define-entity.js';

export const IPConfig = defineEntity({
  name: 'IPConfig',
  description: 'Network configuration per interface: IP addresses, default gateways and DNS servers.',
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: [
    { name: 'InterfaceAlias', type: 'string', doc: 'The interface name (eth0, ens3, wlan0).' },
    { name: 'Name', type: 'string', doc: 'The network name; Linux has no network profiles, so the interface name.' },
    { name: 'InterfaceDescription', type: 'string', doc: "The driver or kind of the interface (virtio_net, Loopback, Virtual)." },
    { name: 'Status', type: 'string', doc: "'Up', 'Disconnected' (up without carrier) or 'Disabled' (administratively down)." },
    { name: 'IPV4Address', type: 'string', doc: "The IPv4 addresses, '; '-joined." },
    { name: 'IPV6Address', type: 'string', doc: "The IPv6 addresses, '; '-joined (link-local ones included)." },
    { name: 'IPV4DefaultGateway', type: 'string', doc: "The IPv4 default gateways through this interface, '; '-joined." },
    { name: 'IPV6DefaultGateway', type: 'string', doc: "The IPv6 default gateways through this interface, '; '-joined." },
    { name: 'DNSServerList', type: 'string', doc: "The DNS servers from /etc/resolv.conf, '; '-joined (the same on every interface)." },
    { name: 'InterfaceIndex', type: 'long', doc: 'The kernel interface index.' },
    { name: 'MACAddress', type: 'string', doc: 'The hardware address, upper case, colon-separated; "" when none.' },
    { name: 'MTU', type: 'long', doc: 'The maximum transmission unit, in bytes.' },
    { name: 'IPV4PrefixLength', type: 'string', doc: "The IPv4 addresses in CIDR form (192.0.2.2/24), '; '-joined." },
    { name: 'DNSSearchList', type: 'string', doc: "The DNS search domains from /etc/resolv.conf, '; '-joined." },
  ],
  examples: [
    "IPConfig | where Status == 'Up' | project InterfaceAlias, IPV4Address, IPV4DefaultGateway, DNSServerList",
    "IPConfig | where IPV4Address startswith '10.' | project InterfaceAlias, IPV4Address",
  ],
});
