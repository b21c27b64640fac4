import { defineEntity } from '../define-entity.js';

export const IRQTable = defineEntity({
  name: 'IRQTable',
  description: 'IRQ Table: the WMI class Win32_IRQResource in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'IRQNumber', type: 'long', doc: 'Irq number (Win32_IRQResource.IRQNumber).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Hardware', type: 'bool', doc: 'Hardware: true or false (Win32_IRQResource.Hardware).' },
    { name: 'Shareable', type: 'bool', doc: 'Shareable: true or false (Win32_IRQResource.Shareable).' },
    { name: 'TriggerLevel', type: 'long', doc: 'Trigger level (Win32_IRQResource.TriggerLevel).' },
    { name: 'TriggerType', type: 'long', doc: 'Trigger type (Win32_IRQResource.TriggerType).' },
    { name: 'Vector', type: 'long', doc: 'Vector (Win32_IRQResource.Vector).' },
    { name: 'Availability', type: 'long', doc: 'WMI availability code: 3 running/full power, 7 power off, 8 offline…' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'IRQTable | project IRQNumber, Name, Hardware, Shareable',
    'IRQTable | where Hardware == true | project Device, IRQNumber, Name',
  ],
});
