import { defineEntity } from '../define-entity.js';

export const OperatingSystemEx = defineEntity({
  name: 'OperatingSystemEx',
  description: 'Operating System Ex: the WMI class CCM_OperatingSystemExtended in root\\cimv2 (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'SKU', type: 'long', doc: 'Sku (CCM_OperatingSystemExtended.SKU).' },
  ],
  examples: [
    'OperatingSystemEx | project Name, SKU',
    'OperatingSystemEx | summarize count() by Name',
  ],
});
