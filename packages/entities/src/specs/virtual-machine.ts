import { defineEntity } from '../define-entity.js';

export const VirtualMachine = defineEntity({
  name: 'VirtualMachine',
  description: 'Virtual Machine: the WMI class Win32Reg_SMSGuestVirtualMachine in root\\cimv2 (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'InstanceKey', type: 'string', doc: 'The key of the registry-backed WMI instance.' },
    { name: 'PhysicalHostName', type: 'string', doc: 'Physical host name (Win32Reg_SMSGuestVirtualMachine.PhysicalHostName).' },
    { name: 'PhysicalHostNameFullyQualified', type: 'string', doc: 'Physical host name fully qualified (Win32Reg_SMSGuestVirtualMachine.PhysicalHostNameFullyQualified).' },
  ],
  examples: [
    'VirtualMachine | project InstanceKey, PhysicalHostName, PhysicalHostNameFullyQualified',
    'VirtualMachine | summarize count() by InstanceKey',
  ],
});
