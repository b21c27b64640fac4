import { defineEntity } from '../define-entity.js';

export const NetworkAdapterConfiguration = defineEntity({
  name: 'NetworkAdapterConfiguration',
  description: 'Network Adapter Configuration: the WMI class Win32_NetworkAdapterConfiguration in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Index', type: 'long', doc: 'Index (Win32_NetworkAdapterConfiguration.Index).' },
    { name: 'Description', type: 'string', doc: 'The description WMI reports.' },
    { name: 'MACAddress', type: 'string', doc: 'MAC address (Win32_NetworkAdapterConfiguration.MACAddress).' },
    { name: 'IPEnabled', type: 'bool', doc: 'Ip enabled: true or false (Win32_NetworkAdapterConfiguration.IPEnabled).' },
    { name: 'DHCPEnabled', type: 'bool', doc: 'Dhcp enabled: true or false (Win32_NetworkAdapterConfiguration.DHCPEnabled).' },
    { name: 'DHCPServer', type: 'string', doc: 'Dhcp server (Win32_NetworkAdapterConfiguration.DHCPServer).' },
    { name: 'DHCPLeaseObtained', type: 'datetime', doc: 'Dhcp lease obtained (Win32_NetworkAdapterConfiguration.DHCPLeaseObtained) (UTC).' },
    { name: 'DHCPLeaseExpires', type: 'datetime', doc: 'Dhcp lease expires (Win32_NetworkAdapterConfiguration.DHCPLeaseExpires) (UTC).' },
    { name: 'DNSDomain', type: 'string', doc: 'Dns domain (Win32_NetworkAdapterConfiguration.DNSDomain).' },
    { name: 'DNSHostName', type: 'string', doc: 'Dns host name (Win32_NetworkAdapterConfiguration.DNSHostName).' },
    { name: 'ServiceName', type: 'string', doc: 'Service name (Win32_NetworkAdapterConfiguration.ServiceName).' },
    { name: 'SettingID', type: 'string', doc: 'The WMI identifier of the setting.' },
    { name: 'MTU', type: 'long', doc: 'Mtu (Win32_NetworkAdapterConfiguration.MTU), in bytes.' },
    { name: 'TcpipNetbiosOptions', type: 'long', doc: 'Tcpip netbios options (Win32_NetworkAdapterConfiguration.TcpipNetbiosOptions).' },
    { name: 'WINSPrimaryServer', type: 'string', doc: 'Wins primary server (Win32_NetworkAdapterConfiguration.WINSPrimaryServer).' },
  ],
  examples: [
    'NetworkAdapterConfiguration | where IPEnabled == true | project Description, MACAddress, DHCPEnabled, DHCPServer, DNSDomain',
  ],
});
