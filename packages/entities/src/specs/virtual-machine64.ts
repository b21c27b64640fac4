import { defineEntity } from '../define-entity.js';

export const VirtualMachine64 = defineEntity({
  name: 'VirtualMachine64',
  description: 'Virtual Machine (64): the WMI class Win32Reg_SMSGuestVirtualMachine64 in root\\cimv2 (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'InstanceKey', type: 'string', doc: 'The key of the registry-backed WMI instance.' },
    { name: 'PhysicalHostName', type: 'string', doc: 'Physical host name (Win32Reg_SMSGuestVirtualMachine64.PhysicalHostName).' },
    { name: 'PhysicalHostNameFullyQualified', type: 'string', doc: 'Physical host name fully qualified (Win32Reg_SMSGuestVirtualMachine64.PhysicalHostNameFullyQualified).' },
  ],
  examples: [
    'VirtualMachine64 | project InstanceKey, PhysicalHostName, PhysicalHostNameFullyQualified',
    'VirtualMachine64 | summarize count() by InstanceKey',
  ],
});
