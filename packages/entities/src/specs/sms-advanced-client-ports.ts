import { defineEntity } from '../define-entity.js';

export const SMSAdvancedClientPorts = defineEntity({
  name: 'SMSAdvancedClientPorts',
  description: 'Configuration Manager Client Ports: the WMI class Win32Reg_SMSAdvancedClientPorts in root\\cimv2 (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'InstanceKey', type: 'string', doc: 'The key of the registry-backed WMI instance.' },
    { name: 'PortName', type: 'long', doc: 'Port name (Win32Reg_SMSAdvancedClientPorts.PortName): HTTP.' },
    { name: 'HttpsPortName', type: 'long', doc: 'Https port name (Win32Reg_SMSAdvancedClientPorts.HttpsPortName).' },
  ],
  examples: [
    'SMSAdvancedClientPorts | project InstanceKey, PortName, HttpsPortName',
    'SMSAdvancedClientPorts | summarize count() by InstanceKey',
  ],
});
