import { defineEntity } from '../define-entity.js';

export const ComputerSystemEx = defineEntity({
  name: 'ComputerSystemEx',
  description: 'Computer System Ex: the WMI class CCM_ComputerSystemExtended in root\\cimv2 (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'PCSystemType', type: 'long', doc: 'Pc system type (CCM_ComputerSystemExtended.PCSystemType).' },
  ],
  examples: [
    'ComputerSystemEx | project Name, PCSystemType',
    'ComputerSystemEx | summarize count() by Name',
  ],
});
